package org.sharedagreements.app.crypto;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' master key operation, under {@code /api/admin/master-key}: rewrap every live data key under the
 * primary version. Only the operator role (the operations scope of the access policy, enforced for the whole path
 * by the security configuration, on every node: data keys live on both sides); anyone else gets 403, no token 401.
 * It takes no body and answers counts, never keys or agreement ids.
 */
@RestController
@RequestMapping("/api/admin/master-key")
public class MasterKeyAdminController {

    private final MasterKeyRewrap rewrap;

    public MasterKeyAdminController(MasterKeyRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @PostMapping("/rewrap")
    public MasterKeyRewrap.Outcome rewrap() {
        return rewrap.rewrapAll();
    }
}
