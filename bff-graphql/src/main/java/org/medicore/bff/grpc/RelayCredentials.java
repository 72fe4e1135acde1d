package org.medicore.bff.grpc;

import java.util.Optional;

/**
 * The BFF's own token (its client {@code medicore-bff}), sent beside the end user's address so a
 * service believes the address was relayed by the BFF and not made up by whoever called it.
 * Empty when it can't be had: the services then record the call without the end user's address.
 */
public interface RelayCredentials {

    Optional<String> token();
}
