package org.sharedagreements.web.account;

import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The local accounts ({@code local_account}, migration V30): found by login name, created with a random id and a
 * password hash. Local profile only; production signs people in at its own OpenID provider.
 */
@Component
@Profile("local")
public class LocalAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public LocalAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public LocalAccount loadUserByUsername(String loginName) {
        return find(normalized(loginName)).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Creates the account; empty when the login name is taken. */
    Optional<LocalAccount> create(String loginName, String password) {
        UUID accountId = UUID.randomUUID();
        String name = normalized(loginName);
        String hash = passwords.encode(password);
        try {
            jdbc.update("INSERT INTO local_account (account_id, login_name, password_hash) VALUES (?, ?, ?)",
                    accountId, name, hash);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(new LocalAccount(accountId, name, hash));
    }

    private Optional<LocalAccount> find(String loginName) {
        return jdbc.query("SELECT account_id, login_name, password_hash FROM local_account WHERE login_name = ?",
                (rs, row) -> new LocalAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                loginName).stream().findFirst();
    }

    /** Login names compare without case, so "Alice" cannot sign up beside "alice". */
    static String normalized(String loginName) {
        return loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
    }
}
