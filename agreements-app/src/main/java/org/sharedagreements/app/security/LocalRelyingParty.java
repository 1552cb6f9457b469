package org.sharedagreements.app.security;

import org.sharedagreements.web.account.LocalAccount;
import org.sharedagreements.web.account.LocalAccounts;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import java.util.Objects;
import java.util.Set;

/**
 * The local provider as a WebAuthn relying party: Spring Security's webauthn4j operations for the relying party
 * {@value #RP_ID}, built once the server listens (the allowed origin names the port, which with
 * {@code server.port=0} is known only then). Passkeys are bound to {@code localhost}: a browser refuses them on an
 * IP address such as 127.0.0.1. A passkey's user entity is named by the account id (so that the provider's
 * {@code sub} is the same whichever way a person signs in); the authenticator is shown the login name instead.
 */
final class LocalRelyingParty implements WebAuthnRelyingPartyOperations,
        ApplicationListener<ServletWebServerInitializedEvent> {

    static final String RP_ID = "localhost";
    private static final String RP_NAME = "Shared agreements (local)";

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final LocalAccounts accounts;
    private volatile WebAuthnRelyingPartyOperations operations;

    LocalRelyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
                      LocalAccounts accounts) {
        this.users = Objects.requireNonNull(users, "the passkeys' users");
        this.credentials = Objects.requireNonNull(credentials, "the passkeys");
        this.accounts = Objects.requireNonNull(accounts, "the local accounts");
    }

    /** The main server's port (the management server, if any, has a namespace of its own). */
    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            operations = new Webauthn4JRelyingPartyOperations(users, credentials,
                    PublicKeyCredentialRpEntity.builder().id(RP_ID).name(RP_NAME).build(),
                    Set.of("http://" + RP_ID + ":" + event.getWebServer().getPort()));
        }
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        PublicKeyCredentialCreationOptions options = operations().createPublicKeyCredentialCreationOptions(request);
        String loginName = loginName(request.getAuthentication());
        if (loginName == null) {
            return options;
        }
        PublicKeyCredentialUserEntity shown = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(options.getUser().getId()).name(loginName).displayName(loginName).build();
        return PublicKeyCredentialCreationOptions.builder().rp(options.getRp()).user(shown)
                .challenge(options.getChallenge()).pubKeyCredParams(options.getPubKeyCredParams())
                .timeout(options.getTimeout()).excludeCredentials(options.getExcludeCredentials())
                .authenticatorSelection(options.getAuthenticatorSelection()).attestation(options.getAttestation())
                .extensions(options.getExtensions()).build();
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return operations().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return operations().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return operations().authenticate(request);
    }

    private String loginName(Authentication signedIn) {
        if (signedIn == null) {
            return null;
        }
        if (signedIn.getPrincipal() instanceof LocalAccount account) {
            return account.loginName();
        }
        return accounts.byId(signedIn.getName()).map(LocalAccount::loginName).orElse(null);
    }

    private WebAuthnRelyingPartyOperations operations() {
        return Objects.requireNonNull(operations, "the server is not listening yet");
    }
}
