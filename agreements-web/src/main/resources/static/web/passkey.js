// Passkeys on the local provider's pages, through Spring Security's WebAuthn endpoints: sign-in on /auth/login
// ([data-passkey="sign-in"]) and creating one on /auth/passkey ([data-passkey="create"]). The endpoints' URLs are
// in the elements' data-* attributes, the CSRF token in the page's meta tags. Without passkeys in the browser
// nothing here shows, and the password form works as before.
'use strict';
(() => {
  const supported = !!(window.PublicKeyCredential && navigator.credentials);

  function bytes(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = window.atob(base64);
    const result = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      result[i] = binary.charCodeAt(i);
    }
    return result.buffer;
  }

  function base64url(buffer) {
    return window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  async function post(url, body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    const response = await fetch(url, {
      method: 'POST', headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status + ' from ' + url);
    }
    return response.json();
  }

  function show(id) {
    const element = document.getElementById(id);
    if (element) {
      element.hidden = false;
    }
  }

  async function signIn(button) {
    const options = await post(button.dataset.optionsUrl);
    options.challenge = bytes(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: bytes(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const response = credential.response;
    const result = await post(button.dataset.signInUrl, {
      id: credential.id,
      rawId: base64url(credential.rawId),
      response: {
        authenticatorData: base64url(response.authenticatorData),
        clientDataJSON: base64url(response.clientDataJSON),
        signature: base64url(response.signature),
        userHandle: response.userHandle ? base64url(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!(result && result.authenticated && result.redirectUrl)) {
      throw new Error('the passkey did not sign in');
    }
    window.location.assign(result.redirectUrl);
  }

  async function create(form) {
    const options = await post(form.dataset.optionsUrl);
    options.challenge = bytes(options.challenge);
    options.user = { ...options.user, id: bytes(options.user.id) };
    options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: bytes(c.id) }));
    const credential = await navigator.credentials.create({ publicKey: options });
    const response = credential.response;
    const result = await post(form.dataset.registerUrl, {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: base64url(credential.rawId),
          response: {
            attestationObject: base64url(response.attestationObject),
            clientDataJSON: base64url(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        },
        label: form.elements.label.value
      }
    });
    if (!(result && result.success)) {
      throw new Error('the passkey was not saved');
    }
    window.location.assign(form.dataset.continueUrl);
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!supported) {
      return;
    }
    const button = document.querySelector('[data-passkey="sign-in"]');
    if (button) {
      show('passkey-signin');
      button.addEventListener('click', () => signIn(button).catch((problem) => {
        console.error(problem);
        show('passkey-problem');
      }));
    }
    const form = document.querySelector('[data-passkey="create"]');
    if (form) {
      const unsupported = document.getElementById('passkey-unsupported');
      if (unsupported) {
        unsupported.hidden = true;
      }
      form.hidden = false;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        create(form).catch((problem) => {
          console.error(problem);
          show('passkey-problem');
        });
      });
    }
  });
})();
