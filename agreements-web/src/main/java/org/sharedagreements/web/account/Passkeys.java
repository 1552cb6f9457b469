package org.sharedagreements.web.account;

import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The passkeys ({@code passkey_credential}, migration V32): found by their credential id (a random id the
 * authenticator chose, which names no one) or by the blind index of their user handle; everything else (the public
 * key, the counter, the flags, the attestation, the person's label for it) is sealed. Spring's own JDBC repository
 * would store the user handle and the label in the clear.
 */
@Component
@Profile("local")
public class Passkeys implements UserCredentialRepository {

    private static final BlindIndex.Purpose SEALING = new BlindIndex.Purpose("passkey-credential");
    private static final SealContext SEALED = SealContext.column(new UUID(0, 0), "passkey_credential", "sealed");
    private static final int FORMAT = 1;
    private static final int ABSENT = -1;

    private final JdbcTemplate jdbc;
    private final BlindIndex blindIndex;
    private final FieldSeal seal;

    public Passkeys(JdbcTemplate jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.seal = new FieldSeal(DataKey.fromBytes(Base64.getUrlDecoder().decode(
                blindIndex.index(SEALING, "credentials"))));
    }

    @Override
    public void delete(Bytes credentialId) {
        jdbc.update("DELETE FROM passkey_credential WHERE credential_id = ?", (Object) credentialId.getBytes());
    }

    /** Saves a new passkey, or its new counter and last use after a sign-in. */
    @Override
    public void save(CredentialRecord credential) {
        jdbc.update("INSERT INTO passkey_credential (credential_id, handle_index, sealed) VALUES (?, ?, ?) "
                        + "ON CONFLICT (credential_id) DO UPDATE SET sealed = EXCLUDED.sealed",
                credential.getCredentialId().getBytes(),
                PasskeyUsers.handleIndex(blindIndex, credential.getUserEntityUserId()),
                seal.sealBytes(sealed(credential), SEALED));
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.query("SELECT credential_id, sealed FROM passkey_credential WHERE credential_id = ?",
                (rs, row) -> opened(rs.getBytes(1), seal.openBytes(rs.getBytes(2), SEALED)),
                (Object) credentialId.getBytes()).stream().findFirst().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.query("SELECT credential_id, sealed FROM passkey_credential WHERE handle_index = ? "
                        + "ORDER BY created_at",
                (rs, row) -> opened(rs.getBytes(1), seal.openBytes(rs.getBytes(2), SEALED)),
                PasskeyUsers.handleIndex(blindIndex, userId));
    }

    private static byte[] sealed(CredentialRecord credential) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(credential.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
                    : credential.getCredentialType().getValue());
            write(out, credential.getUserEntityUserId().getBytes());
            write(out, credential.getPublicKey().getBytes());
            out.writeLong(credential.getSignatureCount());
            out.writeBoolean(credential.isUvInitialized());
            out.writeBoolean(credential.isBackupEligible());
            out.writeBoolean(credential.isBackupState());
            Set<AuthenticatorTransport> transports = credential.getTransports() == null ? Set.of()
                    : credential.getTransports();
            out.writeInt(transports.size());
            for (AuthenticatorTransport transport : transports) {
                out.writeUTF(transport.getValue());
            }
            write(out, credential.getAttestationObject() == null ? null : credential.getAttestationObject().getBytes());
            write(out, credential.getAttestationClientDataJSON() == null ? null
                    : credential.getAttestationClientDataJSON().getBytes());
            out.writeUTF(credential.getLabel() == null ? "" : credential.getLabel());
            out.writeLong(credential.getCreated() == null ? ABSENT : credential.getCreated().toEpochMilli());
            out.writeLong(credential.getLastUsed() == null ? ABSENT : credential.getLastUsed().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CredentialRecord opened(byte[] credentialId, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("a passkey sealed in an unknown format " + format);
            }
            ImmutableCredentialRecord.ImmutableCredentialRecordBuilder record = ImmutableCredentialRecord.builder()
                    .credentialId(new Bytes(credentialId))
                    .credentialType(PublicKeyCredentialType.valueOf(in.readUTF()))
                    .userEntityUserId(new Bytes(read(in)))
                    .publicKey(new ImmutablePublicKeyCose(read(in)))
                    .signatureCount(in.readLong())
                    .uvInitialized(in.readBoolean())
                    .backupEligible(in.readBoolean())
                    .backupState(in.readBoolean());
            Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
            for (int count = in.readInt(); count > 0; count--) {
                transports.add(AuthenticatorTransport.valueOf(in.readUTF()));
            }
            byte[] attestation = read(in);
            byte[] clientData = read(in);
            return record.transports(transports)
                    .attestationObject(attestation == null ? null : new Bytes(attestation))
                    .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                    .label(in.readUTF())
                    .created(instant(in.readLong()))
                    .lastUsed(instant(in.readLong()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(ABSENT);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static byte[] read(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length == ABSENT ? null : in.readNBytes(length);
    }

    private static Instant instant(long epochMillis) {
        return epochMillis == ABSENT ? null : Instant.ofEpochMilli(epochMillis);
    }
}
