package org.medicore.support.mapping;

import org.mapstruct.CollectionMappingStrategy;
import org.mapstruct.MapperConfig;
import org.mapstruct.NullValueCheckStrategy;
import org.mapstruct.ReportingPolicy;

/**
 * The one configuration of every domain -> proto mapper ({@code @Mapper(config = ProtoMapping.class)}):
 * the shared conversions of {@link ProtoConversions}, protobuf's adders for repeated fields, no setter
 * called with null (a proto builder refuses it, and an unset field is the proto's "absent"), and a
 * build error for any proto field the mapper neither fills nor names as ignored, so a field added to a
 * contract cannot be forgotten silently.
 */
@MapperConfig(
        uses = ProtoConversions.class,
        collectionMappingStrategy = CollectionMappingStrategy.ADDER_PREFERRED,
        nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS,
        unmappedTargetPolicy = ReportingPolicy.ERROR,
        unmappedSourcePolicy = ReportingPolicy.IGNORE)
public interface ProtoMapping {
}
