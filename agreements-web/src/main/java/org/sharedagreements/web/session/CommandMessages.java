package org.sharedagreements.web.session;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.sharedagreements.kernel.access.RolesMetaData;

/**
 * A command as a page sends it: with the signed-in person's roles in its metadata, as the API sends the token's,
 * so the write side's role rules hold for the pages too (a counsellor or an auditor changes no agreement).
 */
public final class CommandMessages {

    private CommandMessages() {
    }

    public static <C> CommandMessage<C> of(SignedInPerson person, C command) {
        return GenericCommandMessage.<C>asCommandMessage(command)
                .andMetaData(MetaData.with(RolesMetaData.KEY, RolesMetaData.value(person.caller().roles())));
    }
}
