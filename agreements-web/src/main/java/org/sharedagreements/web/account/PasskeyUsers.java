package org.sharedagreements.web.account;

import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.UUID;

/**
 * The passkeys' user entities ({@code passkey_user}, migration V32), which Spring Security's WebAuthn keeps one
 * per account: found by the blind index of their name (the account id) or of their user handle, with the handle,
 * the name and the display name sealed together, so the table names nobody in the clear. Spring's own JDBC
 * repository would store all three in the clear.
 */
@Component
@Profile("local")
public class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    static final BlindIndex.Purpose HANDLE = new BlindIndex.Purpose("passkey-user-handle");
    private static final BlindIndex.Purpose NAME = new BlindIndex.Purpose("passkey-user-name");
    private static final BlindIndex.Purpose SEALING = new BlindIndex.Purpose("passkey-user");
    /** Passkeys belong to no agreement: the nil UUID stands in the associated data. */
    private static final SealContext SEALED = SealContext.column(new UUID(0, 0), "passkey_user", "sealed");

    private final JdbcTemplate jdbc;
    private final BlindIndex blindIndex;
    private final FieldSeal seal;

    public PasskeyUsers(JdbcTemplate jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.seal = new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(
                blindIndex.index(SEALING, "users"))));
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return find("handle_index", handleIndex(blindIndex, id));
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return username == null ? null : find("name_index", blindIndex.index(NAME, username));
    }

    @Override
    public void save(PublicKeyCredentialUserEntity user) {
        jdbc.update("INSERT INTO passkey_user (name_index, handle_index, sealed) VALUES (?, ?, ?) "
                        + "ON CONFLICT (name_index) DO UPDATE SET handle_index = EXCLUDED.handle_index, "
                        + "sealed = EXCLUDED.sealed",
                blindIndex.index(NAME, user.getName()), handleIndex(blindIndex, user.getId()),
                seal.sealBytes(sealed(user), SEALED));
    }

    @Override
    public void delete(Bytes id) {
        jdbc.update("DELETE FROM passkey_user WHERE handle_index = ?", handleIndex(blindIndex, id));
    }

    /** The blind index of a user handle: what {@code passkey_user} and {@code passkey_credential} know it by. */
    static String handleIndex(BlindIndex blindIndex, Bytes handle) {
        return blindIndex.index(HANDLE, handle.toBase64UrlString());
    }

    /** By one of the two indexes, {@code name_index} or {@code handle_index} (a column name of ours, never input). */
    private PublicKeyCredentialUserEntity find(String indexColumn, String index) {
        return jdbc.query("SELECT sealed FROM passkey_user WHERE " + indexColumn + " = ?",
                (rs, row) -> opened(seal.openBytes(rs.getBytes(1), SEALED)), index).stream().findFirst()
                .orElse(null);
    }

    private static byte[] sealed(PublicKeyCredentialUserEntity user) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] handle = user.getId().getBytes();
            out.writeInt(handle.length);
            out.write(handle);
            out.writeUTF(user.getName());
            out.writeUTF(user.getDisplayName() == null ? user.getName() : user.getDisplayName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PublicKeyCredentialUserEntity opened(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] handle = in.readNBytes(in.readInt());
            return ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(handle)).name(in.readUTF())
                    .displayName(in.readUTF()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
