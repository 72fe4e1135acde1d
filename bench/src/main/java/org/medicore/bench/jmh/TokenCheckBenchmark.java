package org.medicore.bench.jmh;

import org.medicore.localstack.TestTokens;
import org.medicore.support.security.RealmTokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.concurrent.TimeUnit;

/**
 * The token check every gRPC call and GraphQL request passes: a realm token (RS256) checked in
 * full every time, as before, against the shared check that verifies a token once and then finds
 * it remembered. Run: see bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCheckBenchmark {

    private String token;
    private JwtDecoder everyTime;
    private JwtDecoder shared;

    @Setup
    public void setUp() {
        token = TestTokens.forSubject("doctor-7", "DOCTOR");
        NimbusJwtDecoder full = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwksUri()).build();
        full.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER)));
        everyTime = full;
        shared = RealmTokens.decoder(TestTokens.ISSUER, TestTokens.jwksUri(), TestTokens.AUDIENCE);
        everyTime.decode(token);
        shared.decode(token);
    }

    @Benchmark
    public Jwt verifiedOnEveryCall() {
        return everyTime.decode(token);
    }

    @Benchmark
    public Jwt verifiedOnceThenRemembered() {
        return shared.decode(token);
    }
}
