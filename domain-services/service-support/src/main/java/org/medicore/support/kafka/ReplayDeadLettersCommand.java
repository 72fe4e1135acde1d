package org.medicore.support.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code java -jar <service>.jar --replay-dead-letters}: once the service runs, its dead letters go back
 * to their topics ({@link DeadLetterReplay}), and the service goes on running.
 */
final class ReplayDeadLettersCommand implements ApplicationRunner {

    static final String OPTION = "replay-dead-letters";

    private static final Logger log = LoggerFactory.getLogger(ReplayDeadLettersCommand.class);

    private final DeadLetterReplay replay;

    ReplayDeadLettersCommand(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (arguments.containsOption(OPTION)) {
            log.info("replayed {} dead letters", replay.replay());
        }
    }
}
