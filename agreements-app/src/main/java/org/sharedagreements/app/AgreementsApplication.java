package org.sharedagreements.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one runnable jar: by default both sides in one process, on the embedded PostgreSQL (profile {@code local}). */
@SpringBootApplication(scanBasePackages = "org.sharedagreements")
public class AgreementsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgreementsApplication.class, args);
    }
}
