package org.sharedagreements.app.roles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code agreements.roles}: command, query or both; both when unset; anything else refuses to start. */
class NodeRolesTest {

    @Test
    void unsetOrBlankRunsBothSides() {
        assertThat(NodeRoles.parse(null)).isEqualTo(NodeRoles.BOTH);
        assertThat(NodeRoles.parse(" ")).isEqualTo(NodeRoles.BOTH);
        assertThat(NodeRoles.parse("command,query")).isEqualTo(NodeRoles.BOTH);
        assertThat(NodeRoles.parse(" Query , COMMAND ")).isEqualTo(NodeRoles.BOTH);
    }

    @Test
    void oneRoleRunsOneSide() {
        assertThat(NodeRoles.parse("command").commandOnly()).isTrue();
        assertThat(NodeRoles.parse("query").queryOnly()).isTrue();
        assertThat(NodeRoles.parse("query").command()).isFalse();
    }

    @Test
    void anUnknownRoleRefusesToStart() {
        assertThatThrownBy(() -> NodeRoles.parse("command,reporting"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reporting");
        assertThatThrownBy(() -> NodeRoles.parse(","))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agreements.roles");
    }
}
