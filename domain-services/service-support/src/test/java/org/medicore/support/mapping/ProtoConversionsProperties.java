package org.medicore.support.mapping;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;
import org.medicore.contracts.common.v1.Actor;
import org.medicore.contracts.common.v1.Money;
import org.medicore.contracts.common.v1.Role;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtoConversionsProperties {

    /** A service's money and actor, as the domains hold them, mapped through the shared configuration. */
    record Fee(long amountMinor, Currency currency) {
    }

    enum Acting { PATIENT, DOCTOR, BILLING, ADMIN, SYSTEM }

    record Caller(String subject, Optional<Acting> role, Optional<String> displayName) {
    }

    @Mapper(config = ProtoMapping.class)
    interface ClinicProtos {
        Money money(Fee fee);

        Actor actor(Caller caller);

        Role role(Acting acting);
    }

    private final ClinicProtos protos = Mappers.getMapper(ClinicProtos.class);

    @Property
    void every_instant_survives_the_timestamp(@ForAll("instants") Instant instant) {
        assertThat(ProtoConversions.instant(ProtoConversions.timestamp(instant))).isEqualTo(instant);
    }

    @Property
    void every_day_survives_the_date(@ForAll("days") LocalDate day) {
        assertThat(ProtoConversions.localDate(ProtoConversions.date(day))).isEqualTo(day);
    }

    @Example
    void a_partial_date_is_no_day() {
        assertThatThrownBy(() -> ProtoConversions.localDate(com.google.type.Date.newBuilder().setYear(2026).build()))
                .isInstanceOf(DateTimeException.class);
    }

    @Property
    void every_amount_in_every_currency_survives_the_money_message(@ForAll long amountMinor,
                                                                   @ForAll("currencies") Currency currency) {
        Money proto = protos.money(new Fee(amountMinor, currency));

        assertThat(proto.getAmountMinor()).isEqualTo(amountMinor);
        assertThat(ProtoConversions.currency(proto.getCurrency())).isEqualTo(currency);
    }

    @Property
    void every_id_survives_its_text(@ForAll("ids") UUID id) {
        assertThat(ProtoConversions.uuid(ProtoConversions.id(id))).isEqualTo(id);
    }

    @Property
    void a_domain_constant_maps_by_name(@ForAll Acting acting) {
        assertThat(protos.role(acting).name()).isEqualTo(acting.name());
    }

    @Example
    void no_constant_is_the_contracts_unspecified_one() {
        assertThat(protos.role(null)).isEqualTo(Role.ROLE_UNSPECIFIED);
    }

    @Property
    void an_absent_optional_leaves_the_field_unset(@ForAll("subjects") String subject,
                                                   @ForAll Optional<Acting> role,
                                                   @ForAll Optional<@AlphaChars String> displayName) {
        Actor proto = protos.actor(new Caller(subject, role, displayName));

        assertThat(proto.getSubject()).isEqualTo(subject);
        assertThat(proto.getRole()).isEqualTo(role.map(protos::role).orElse(Role.ROLE_UNSPECIFIED));
        assertThat(proto.getDisplayName()).isEqualTo(displayName.orElse(""));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond),
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(1, 1, 1),
                        LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29)));
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Currency.getAvailableCurrencies());
    }

    @Provide
    Arbitrary<UUID> ids() {
        return Arbitraries.oneOf(Arbitraries.create(UUID::randomUUID),
                Arbitraries.longs().tuple2().map(bits -> new UUID(bits.get1(), bits.get2())),
                Arbitraries.of(new UUID(0, 0), new UUID(-1, -1)));
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.strings().ofMaxLength(64);
    }
}
