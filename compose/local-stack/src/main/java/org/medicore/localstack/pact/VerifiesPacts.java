package org.medicore.localstack.pact;

import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * A provider's verification of the pacts its annotations load: one test per interaction, each
 * answered by the {@code @PactVerifyProvider} method of the test's package named like the
 * interaction (the rpc or the event), after the {@code @State} methods set the provider up.
 * A failure names the consumer and the interaction.
 */
public interface VerifiesPacts {

    @BeforeEach
    default void answerWithThisPackagesMethods(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    default void honoursEachInteraction(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
