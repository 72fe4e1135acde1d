package org.medicore.analytics.adapter.proto;

import com.google.protobuf.Message;
import org.mapstruct.AfterMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;
import org.medicore.analytics.domain.PractitionerUtilisation;
import org.medicore.analytics.domain.WindowFigures;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.RollingFigures;
import org.medicore.support.mapping.ProtoConversions;
import org.medicore.support.mapping.ProtoMapping;

import java.time.Instant;
import java.util.UUID;

/**
 * The figures as the events analytics publishes. Event ids are derived from the content, so
 * the same figures get the same id (consumers deduplicate on it) and new figures a new one.
 */
@Mapper(config = ProtoMapping.class)
public interface AnalyticsProtos {

    AnalyticsProtos PROTOS = Mappers.getMapper(AnalyticsProtos.class);

    /** One version of a window's figures, computed at {@code computedAt}. */
    @Mapping(target = ".", source = "counts")
    @Mapping(target = "windowKey", expression = "java(figures.windowKey())")
    @Mapping(target = "windowStart", source = "start")
    @Mapping(target = "windowEnd", source = "end")
    @Mapping(target = "dimension", source = "key.dimension")
    @Mapping(target = "dimensionKey", source = "key.value")
    @Mapping(target = "final", source = "closed")
    @Mapping(target = "eventId", ignore = true)
    @Mapping(target = "occurredAt", ignore = true)
    AnalyticsWindow window(WindowFigures figures, @Context Instant computedAt);

    /** The id says which figures, not when they were computed: a window recomputed unchanged is the same event. */
    @AfterMapping
    default void identifiedByFigures(@MappingTarget AnalyticsWindow.Builder proto, @Context Instant computedAt) {
        proto.setEventId(contentId(proto.build())).setOccurredAt(ProtoConversions.timestamp(computedAt));
    }

    @Mapping(target = "occurredAt", source = "asOf")
    @Mapping(target = "eventId", ignore = true)
    RollingFigures rollingFigures(org.medicore.analytics.domain.RollingFigures figures);

    /** Here the as-of instant is part of the figures: rolling figures of another instant are another event. */
    @AfterMapping
    default void identifiedByFigures(@MappingTarget RollingFigures.Builder proto) {
        proto.setEventId(contentId(proto.build()));
    }

    @Mapping(target = "utilisationBasisPoints", expression = "java(utilisation.utilisationBasisPoints())")
    RollingFigures.PractitionerUtilisation utilisation(PractitionerUtilisation utilisation);

    org.medicore.contracts.common.v1.Money money(org.medicore.analytics.domain.Money money);

    /** Minutes of one day fit an int32; a figure that does not is broken, and is refused rather than cut. */
    default int minutes(long minutes) {
        return Math.toIntExact(minutes);
    }

    private static String contentId(Message content) {
        return UUID.nameUUIDFromBytes(content.toByteArray()).toString();
    }
}
