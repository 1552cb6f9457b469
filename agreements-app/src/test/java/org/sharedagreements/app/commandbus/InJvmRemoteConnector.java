package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnector;
import org.axonframework.commandhandling.distributed.CommandMessageFilter;
import org.axonframework.commandhandling.distributed.CommandRouter;
import org.axonframework.commandhandling.distributed.DispatchMessage;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.commandhandling.distributed.ReplyMessage;
import org.axonframework.commandhandling.distributed.SimpleMember;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;

import java.util.Optional;

/**
 * A "remote" node inside the JVM: the {@link DistributedCommandBus} routes every command to it, and it hands
 * the command and its result through the very wire messages Axon's connectors send ({@link DispatchMessage},
 * {@link ReplyMessage}), serialized and deserialized with the given serializer. So a handler's exception comes
 * back as it would from another node: a {@code CommandExecutionException} with the serialized details and a
 * {@code RemoteHandlingException} that only names the original classes.
 */
final class InJvmRemoteConnector implements CommandBusConnector {

    private static final Member OTHER_NODE = new SimpleMember<>("other-node", null, SimpleMember.REMOTE_MEMBER,
            member -> { });

    private final CommandBus handlingNode;
    private final Serializer serializer;

    InJvmRemoteConnector(CommandBus handlingNode, Serializer serializer) {
        this.handlingNode = handlingNode;
        this.serializer = serializer;
    }

    /** A distributed command bus that sends every command through this connector. */
    DistributedCommandBus bus() {
        CommandRouter everythingToTheOtherNode = new CommandRouter() {
            @Override
            public Optional<Member> findDestination(CommandMessage<?> command) {
                return Optional.of(OTHER_NODE);
            }

            @Override
            public void updateMembership(int loadFactor, CommandMessageFilter commandFilter) {
                // one fixed member
            }
        };
        return DistributedCommandBus.builder().commandRouter(everythingToTheOtherNode).connector(this).build();
    }

    @Override
    public <C> void send(Member destination, CommandMessage<? extends C> command) {
        handlingNode.dispatch(overTheWire(command));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void send(Member destination, CommandMessage<C> command, CommandCallback<? super C, R> callback) {
        handlingNode.dispatch(overTheWire(command), (received, result) -> {
            ReplyMessage reply = new ReplyMessage(received.getIdentifier(), result, serializer) { };
            callback.onResult(command, (CommandResultMessage<? extends R>) reply.getCommandResultMessage(serializer));
        });
    }

    private CommandMessage<?> overTheWire(CommandMessage<?> command) {
        return new DispatchMessage(command, serializer, true) { }.getCommandMessage(serializer);
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return handlingNode.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return handlingNode.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Optional<CommandBus> localSegment() {
        return Optional.of(handlingNode);
    }
}
