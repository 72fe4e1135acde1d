package org.medicore.bff.registration;

import org.junit.jupiter.api.Test;
import org.medicore.bff.support.MovingClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpThrottleTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T04:00:00Z"));
    private final SignUpThrottle throttle = new SignUpThrottle(new RegistrationLimits(Duration.ofMinutes(10), 3, 5), clock);

    @Test
    void the_fourth_sign_up_from_one_address_waits_with_429_and_retry_after_while_another_address_goes_on() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(signUpFrom("203.0.113.7").getStatus()).isEqualTo(200);
        }
        clock.now = clock.now.plusSeconds(60);

        MockHttpServletResponse refused = signUpFrom("203.0.113.7");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("540");
        assertThat(refused.getContentAsString()).contains("\"code\":\"TOO_MANY_REQUESTS\"", "\"retryAfterSeconds\":540");
        assertThat(signUpFrom("198.51.100.4").getStatus()).isEqualTo(200);
    }

    @Test
    void all_addresses_together_are_throttled_too_and_the_window_opens_again() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signUpFrom("203.0.113." + i).getStatus()).isEqualTo(200);
        }
        assertThat(signUpFrom("203.0.113.99").getStatus()).isEqualTo(429);

        clock.now = clock.now.plus(Duration.ofMinutes(10));

        assertThat(signUpFrom("203.0.113.99").getStatus()).isEqualTo(200);
    }

    @Test
    void signed_in_requests_are_not_counted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = aSignUp("203.0.113.7");
            request.addHeader("Authorization", "Bearer a-token");
            MockHttpServletResponse response = new MockHttpServletResponse();
            throttle.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse signUpFrom(String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(aSignUp(address), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest aSignUp(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr(address);
        request.setContentType("application/json");
        request.setContent("{\"query\":\"mutation { registerPatient }\"}".getBytes());
        return request;
    }
}
