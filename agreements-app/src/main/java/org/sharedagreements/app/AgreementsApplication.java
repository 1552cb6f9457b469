package org.sharedagreements.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one runnable jar: by default both sides in one process, on the embedded PostgreSQL (profile {@code local}). */
@SpringBootApplication(scanBasePackages = "org.sharedagreements")
@EnableScheduling
public class AgreementsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgreementsApplication.class, args);
    }
}
