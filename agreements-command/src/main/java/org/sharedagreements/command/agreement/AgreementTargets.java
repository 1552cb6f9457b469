package org.sharedagreements.command.agreement;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.kernel.AgreementCommand;
import org.springframework.stereotype.Component;

/**
 * Which agreement a command is for: its {@link AgreementCommand#agreementId()}, read through the interface. Axon's
 * {@link AnnotationCommandTargetResolver} finds the annotated field by reflection on every command (looking
 * for {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion} among the record's methods and
 * fields), which was 2% of a command's CPU in the benchmark's profile. No version goes to Axon: the agreement
 * checks the expected version itself, after deciding the caller may see it at all
 * ({@link AgreementCommand#expectedVersion()}). A command of another kind goes to Axon's resolver.
 */
@CommandSide
@Component(AgreementTargets.BEAN)
public class AgreementTargets implements CommandTargetResolver {

    /** The bean's name, as {@link Agreement}'s {@code @Aggregate} names it. */
    public static final String BEAN = "agreementTargets";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof AgreementCommand agreementCommand) {
            return new VersionedAggregateIdentifier(agreementCommand.agreementId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
