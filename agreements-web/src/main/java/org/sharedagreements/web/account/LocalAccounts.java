package org.sharedagreements.web.account;

import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The local accounts ({@code local_account}, migration V30): found by the blind index of their login name, with the
 * account id and the login name sealed together (under a key derived from the blind-index key), so the table
 * names nobody in the clear; created with a random id and a password hash. Local profile only; production signs
 * people in at its own OpenID provider.
 */
@Component
@Profile("local")
public class LocalAccounts implements UserDetailsService {

    private static final BlindIndex.Purpose LOGIN = new BlindIndex.Purpose("local-login");
    private static final BlindIndex.Purpose SEALING = new BlindIndex.Purpose("local-account");
    /** Accounts belong to no agreement: the nil UUID stands in the associated data. */
    private static final SealContext SEALED = SealContext.column(new UUID(0, 0), "local_account", "sealed");
    private static final int UUID_CHARS = 36;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final BlindIndex blindIndex;
    private final FieldSeal seal;

    public LocalAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.blindIndex = blindIndex;
        this.seal = new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(
                blindIndex.index(SEALING, "accounts"))));
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
        byte[] sealed = seal.sealBytes((accountId + name).getBytes(StandardCharsets.UTF_8), SEALED);
        try {
            jdbc.update("INSERT INTO local_account (login_index, sealed, password_hash) VALUES (?, ?, ?)",
                    blindIndex.index(LOGIN, name), sealed, hash);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(new LocalAccount(accountId, name, hash));
    }

    private Optional<LocalAccount> find(String loginName) {
        return jdbc.query("SELECT sealed, password_hash FROM local_account WHERE login_index = ?",
                (rs, row) -> {
                    String opened = new String(seal.openBytes(rs.getBytes(1), SEALED), StandardCharsets.UTF_8);
                    return new LocalAccount(UUID.fromString(opened.substring(0, UUID_CHARS)),
                            opened.substring(UUID_CHARS), rs.getString(2));
                }, blindIndex.index(LOGIN, loginName)).stream().findFirst();
    }

    /** Login names compare without case, so "Alice" cannot sign up beside "alice". */
    static String normalized(String loginName) {
        return loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
    }
}
