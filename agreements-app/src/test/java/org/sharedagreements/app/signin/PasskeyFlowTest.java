package org.sharedagreements.app.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.web.account.LocalAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up and sign-in by passkey at the local provider, against Spring Security's real WebAuthn endpoints, with a
 * software authenticator (an EC P-256 key of the JDK's, its attestation and assertions built as an authenticator
 * builds them, CBOR by webauthn4j's converters). The passkey tables name nobody: the user's name and handle are
 * found by blind index, everything else about them is sealed.
 */
class PasskeyFlowTest extends ApiTest {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();
    /** User present, user verified; with attested credential data on registration. */
    private static final byte UP_UV = 0x05;
    private static final byte UP_UV_AT = 0x45;

    @LocalServerPort
    private int port;

    @Autowired
    private LocalAccounts accounts;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCounsellorSignsUpWithAPasskeyAndSignsInWithItAgain() throws Exception {
        Browser browser = new Browser(port);
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(browser.base);
        String loginName = "passkey-" + UUID.randomUUID().toString().substring(0, 8);

        browser.follow(browser.get("/app"));
        HttpResponse<String> signUpPage = browser.get("/auth/signup");
        assertThat(signUpPage.body()).contains("Create a passkey").contains("Use a password");
        HttpResponse<String> signedUp = browser.post("/auth/signup", Map.of("username", loginName,
                "role", Role.COUNSELLOR.claim(), "method", "passkey", "_csrf", Browser.csrf(signUpPage)));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedUp)).endsWith("/auth/passkey");
        // signed in at the provider, not yet at the pages
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);

        HttpResponse<String> passkeyPage = browser.get("/auth/passkey");
        assertThat(passkeyPage.statusCode()).isEqualTo(200);
        assertThat(passkeyPage.body()).contains("data-passkey=\"create\"").contains("/web/passkey.js");
        HttpResponse<String> creationOptions = browser.postJson("/webauthn/register/options", "", passkeyPage);
        assertThat(creationOptions.statusCode()).as(creationOptions.body()).isEqualTo(200);
        JsonNode options = json.readTree(creationOptions.body());
        assertThat(options.at("/rp/id").asText()).isEqualTo("localhost");
        assertThat(options.at("/user/name").asText()).isEqualTo(loginName);
        byte[] userHandle = FROM_BASE64URL.decode(options.at("/user/id").asText());

        String label = "Laptop of " + loginName;
        HttpResponse<String> registered = browser.postJson("/webauthn/register",
                authenticator.register(options.at("/challenge").asText(), label), passkeyPage);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(json.readTree(registered.body()).path("success").asBoolean()).isTrue();

        HttpResponse<String> goOn = browser.get("/auth/continue");
        assertThat(Browser.location(goOn)).contains("/oauth2/authorize?");
        HttpResponse<String> home = browser.follow(goOn).last();
        assertThat(home.uri().getPath()).isEqualTo("/app");
        assertThat(home.body()).contains("Signed in as " + loginName).contains("href=\"/app/caseload\"");

        String accountId = accounts.loadUserByUsername(loginName).getUsername();
        assertNamesNobody(loginName, accountId, userHandle, label, authenticator.credentialId);

        browser.follow(browser.post("/logout", Map.of("_csrf", Browser.csrf(home))));
        Browser.Visit toSignIn = browser.follow(browser.get("/app"));
        HttpResponse<String> signInPage = toSignIn.last();
        assertThat(signInPage.uri().getPath()).isEqualTo("/auth/login");
        assertThat(signInPage.body()).contains("id=\"passkey-sign-in\"").contains("/web/passkey.js");

        HttpResponse<String> requestOptions = browser.postJson("/webauthn/authenticate/options", "", signInPage);
        assertThat(requestOptions.statusCode()).as(requestOptions.body()).isEqualTo(200);
        String challenge = json.readTree(requestOptions.body()).path("challenge").asText();
        HttpResponse<String> signedIn = browser.postJson("/login/webauthn",
                authenticator.assertion(challenge, userHandle), signInPage);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode result = json.readTree(signedIn.body());
        assertThat(result.path("authenticated").asBoolean()).isTrue();
        assertThat(result.path("redirectUrl").asText()).contains("/oauth2/authorize?");
        // the passkey signed in at the provider only: the pages still go through the OpenID sign-in
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
        // and there, another passkey may be added, shown to the authenticator by the login name
        HttpResponse<String> addAnother = browser.get("/auth/passkey");
        assertThat(addAnother.statusCode()).isEqualTo(200);
        JsonNode anotherOptions = json.readTree(browser.postJson("/webauthn/register/options", "", addAnother).body());
        assertThat(anotherOptions.at("/user/name").asText()).isEqualTo(loginName);
        assertThat(anotherOptions.at("/excludeCredentials/0/id").asText())
                .isEqualTo(BASE64URL.encodeToString(authenticator.credentialId));

        HttpResponse<String> again = browser.follow(browser.get(result.path("redirectUrl").asText())).last();
        assertThat(again.uri().getPath()).isEqualTo("/app");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Signed in as " + loginName).contains("href=\"/app/caseload\"");
        assertNamesNobody(loginName, accountId, userHandle, label, authenticator.credentialId);
    }

    @Test
    void anAssertionSignedByAnotherKeySignsNobodyIn() throws Exception {
        Browser browser = new Browser(port);
        SoftwareAuthenticator stranger = new SoftwareAuthenticator(browser.base);
        HttpResponse<String> signInPage = browser.follow(browser.get("/app")).last();
        HttpResponse<String> requestOptions = browser.postJson("/webauthn/authenticate/options", "", signInPage);
        String challenge = json.readTree(requestOptions.body()).path("challenge").asText();
        HttpResponse<String> refused = browser.postJson("/login/webauthn",
                stranger.assertion(challenge, new byte[]{1, 2, 3}), signInPage);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
    }

    private void assertNamesNobody(String loginName, String accountId, byte[] userHandle, String label,
                                   byte[] credentialId) {
        List<String> forbidden = List.of(loginName, accountId, BASE64URL.encodeToString(userHandle),
                Base64.getEncoder().encodeToString(userHandle), label);
        String rows = String.join("\n", jdbc.queryForList("SELECT u::text FROM passkey_user u", String.class))
                + String.join("\n", jdbc.queryForList("SELECT c::text FROM passkey_credential c", String.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM passkey_credential WHERE credential_id = ?",
                Long.class, (Object) credentialId)).isEqualTo(1);
        for (String word : forbidden) {
            assertThat(rows).doesNotContain(word);
        }
        String hexHandle = "\\x" + java.util.HexFormat.of().formatHex(userHandle);
        assertThat(rows).doesNotContain(hexHandle.substring(2));
        for (byte[] sealed : jdbc.queryForList("SELECT sealed FROM passkey_user UNION ALL "
                + "SELECT sealed FROM passkey_credential", byte[].class)) {
            String bytes = new String(sealed, StandardCharsets.ISO_8859_1);
            for (String word : forbidden) {
                assertThat(bytes).doesNotContain(word);
            }
            assertThat(bytes).doesNotContain(new String(userHandle, StandardCharsets.ISO_8859_1));
        }
    }

    /** A platform authenticator in software: one EC P-256 key, "none" attestation, a counter. */
    private final class SoftwareAuthenticator {

        private final String origin;
        private final KeyPair key;
        private final byte[] credentialId = new byte[32];
        private int counter;

        SoftwareAuthenticator(String origin) throws Exception {
            this.origin = origin;
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.key = generator.generateKeyPair();
            new SecureRandom().nextBytes(credentialId);
        }

        String register(String challenge, String label) throws Exception {
            byte[] clientData = clientData("webauthn.create", challenge);
            AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
                    rpIdHash(), UP_UV_AT, counter, new AttestedCredentialData(AAGUID.ZERO, credentialId,
                    EC2COSEKey.create((ECPublicKey) key.getPublic(), COSEAlgorithmIdentifier.ES256)));
            byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
                    .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
            ObjectNode response = json.createObjectNode()
                    .put("attestationObject", BASE64URL.encodeToString(attestation))
                    .put("clientDataJSON", BASE64URL.encodeToString(clientData));
            response.putArray("transports").add("internal");
            ObjectNode credential = credential();
            credential.set("response", response);
            credential.put("type", "public-key");
            ObjectNode body = json.createObjectNode();
            body.putObject("publicKey").put("label", label).set("credential", credential);
            return json.writeValueAsString(body);
        }

        String assertion(String challenge, byte[] userHandle) throws Exception {
            byte[] clientData = clientData("webauthn.get", challenge);
            counter++;
            byte[] authenticatorData = ByteBuffer.allocate(37).put(rpIdHash()).put(UP_UV).putInt(counter).array();
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.write(authenticatorData);
            signed.write(MessageDigest.getInstance("SHA-256").digest(clientData));
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key.getPrivate());
            signature.update(signed.toByteArray());
            ObjectNode credential = credential();
            credential.putObject("response")
                    .put("authenticatorData", BASE64URL.encodeToString(authenticatorData))
                    .put("clientDataJSON", BASE64URL.encodeToString(clientData))
                    .put("signature", BASE64URL.encodeToString(signature.sign()))
                    .put("userHandle", BASE64URL.encodeToString(userHandle));
            credential.put("credType", "public-key");
            return json.writeValueAsString(credential);
        }

        private ObjectNode credential() {
            ObjectNode credential = json.createObjectNode()
                    .put("id", BASE64URL.encodeToString(credentialId))
                    .put("rawId", BASE64URL.encodeToString(credentialId))
                    .put("authenticatorAttachment", "platform");
            credential.putObject("clientExtensionResults");
            return credential;
        }

        private byte[] clientData(String type, String challenge) throws Exception {
            return json.writeValueAsBytes(json.createObjectNode().put("type", type).put("challenge", challenge)
                    .put("origin", origin).put("crossOrigin", false));
        }

        private byte[] rpIdHash() throws Exception {
            return MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(StandardCharsets.UTF_8));
        }
    }
}
