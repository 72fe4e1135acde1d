package org.medicore.analytics.application.port.out;

import org.medicore.analytics.domain.DimensionKey;

import java.net.URI;
import java.util.Optional;

/**
 * With several instances each holds the figures of its own partitions: where a key's figures
 * are held, when it is another instance.
 */
public interface LocateFigures {

    Optional<URI> otherInstanceHoldingClinic(String clinicId);

    Optional<URI> otherInstanceHoldingWindows(DimensionKey key);
}
