package org.sharedagreements.web.account;

import org.sharedagreements.kernel.access.Role;
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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local accounts ({@code local_account}, migrations V30 and V32): found by the blind index of their login name,
 * with the account id and the login name sealed together (under a key derived from the blind-index key), so the
 * table names nobody in the clear; created with a random id, a password hash and the roles the person chose (not a
 * secret: the local provider is for development, and anyone may choose any role). An account made for a passkey
 * gets the hash of a random password that nobody is told, so it signs in by passkey only. Local profile only;
 * production signs people in at its own OpenID provider.
 */
@Component
@Profile("local")
public class LocalAccounts implements UserDetailsService {

    private static final BlindIndex.Purpose LOGIN = new BlindIndex.Purpose("local-login");
    private static final BlindIndex.Purpose ACCOUNT_ID = new BlindIndex.Purpose("local-account-id");
    private static final BlindIndex.Purpose SEALING = new BlindIndex.Purpose("local-account");
    /** Accounts belong to no agreement: the nil UUID stands in the associated data. */
    private static final SealContext SEALED = SealContext.column(new UUID(0, 0), "local_account", "sealed");
    private static final int UUID_CHARS = 36;
    private static final int UNKNOWN_PASSWORD_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final BlindIndex blindIndex;
    private final FieldSeal seal;
    private final SecureRandom random = new SecureRandom();

    public LocalAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.blindIndex = blindIndex;
        this.seal = new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(
                blindIndex.index(SEALING, "accounts"))));
    }

    @Override
    public LocalAccount loadUserByUsername(String loginName) {
        String name = normalized(loginName);
        LocalAccount account = find("login_index", blindIndex.index(LOGIN, name))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        // accounts from before V32 learn their id's index here, so that a passkey can find them later
        jdbc.update("UPDATE local_account SET account_index = ? WHERE login_index = ? AND account_index IS NULL",
                blindIndex.index(ACCOUNT_ID, account.getUsername()), blindIndex.index(LOGIN, name));
        return account;
    }

    /** The account of an id (the token's {@code sub}; a passkey's user is named by it). */
    public Optional<LocalAccount> byId(String accountId) {
        return accountId == null ? Optional.empty()
                : find("account_index", blindIndex.index(ACCOUNT_ID, accountId));
    }

    /** The accounts by id, for the passkey sign-in (whose user entity is named by the account id). */
    public UserDetailsService byAccountId() {
        return accountId -> byId(accountId).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Creates the account; empty when the login name is taken. */
    Optional<LocalAccount> create(String loginName, String password, Set<Role> roles) {
        UUID accountId = UUID.randomUUID();
        String name = normalized(loginName);
        String hash = passwords.encode(password);
        byte[] sealed = seal.sealBytes((accountId + name).getBytes(StandardCharsets.UTF_8), SEALED);
        try {
            jdbc.update("INSERT INTO local_account (login_index, account_index, sealed, password_hash, roles) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    blindIndex.index(LOGIN, name), blindIndex.index(ACCOUNT_ID, accountId.toString()), sealed, hash,
                    roles.stream().map(Role::claim).collect(Collectors.joining(" ")));
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(new LocalAccount(accountId, name, hash, roles));
    }

    /** Creates an account that signs in by passkey only: its password is random and nobody is told it. */
    Optional<LocalAccount> createForPasskey(String loginName, Set<Role> roles) {
        byte[] unknown = new byte[UNKNOWN_PASSWORD_BYTES];
        random.nextBytes(unknown);
        return create(loginName, Base64.getUrlEncoder().encodeToString(unknown), roles);
    }

    /** By one of the two indexes, {@code login_index} or {@code account_index} (a column name of ours, never input). */
    private Optional<LocalAccount> find(String indexColumn, String index) {
        return jdbc.query("SELECT sealed, password_hash, roles FROM local_account WHERE " + indexColumn + " = ?",
                (rs, row) -> {
                    String opened = new String(seal.openBytes(rs.getBytes(1), SEALED), StandardCharsets.UTF_8);
                    return new LocalAccount(UUID.fromString(opened.substring(0, UUID_CHARS)),
                            opened.substring(UUID_CHARS), rs.getString(2),
                            Role.fromClaims(List.of(rs.getString(3).split(" "))));
                }, index).stream().findFirst();
    }

    /** Login names compare without case, so "Alice" cannot sign up beside "alice". */
    static String normalized(String loginName) {
        return loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
    }
}
