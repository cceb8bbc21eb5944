package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the application of an {@code Applicant-Token}. Only the token's SHA-256 is stored and looked up, so the
 * comparison never touches the secret itself; a missing, wrong or dead token gets the same 401. Wrong tokens are
 * counted per client address (a token bucket): past the limit, 429 until it refills.
 */
@ApplicationScoped
public class ApplicantAuthentication {

    private final AccessTokenRepository accessTokens;
    private final RateLimits limits;

    ApplicantAuthentication(AccessTokenRepository accessTokens, RateLimits limits) {
        this.accessTokens = accessTokens;
        this.limits = limits;
    }

    /** The application the token opens; 401 when none, 429 after too many wrong tokens from this address. */
    public UUID authenticate(String token, String address) {
        if (!limits.hasLeft(RateLimit.TOKEN_GUESSING, address)) {
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, "Too many wrong tokens from this address; try later")
                    .withHeader(
                            "Retry-After",
                            Long.toString(
                                    limits.period(RateLimit.TOKEN_GUESSING).toSeconds()));
        }
        if (token != null && !token.isBlank() && token.length() <= 200) {
            byte[] hash = AccessTokens.hash(token.strip());
            Optional<UUID> found = QuarkusTransaction.requiringNew().call(() -> accessTokens.applicationWith(hash));
            if (found.isPresent()) {
                return found.get();
            }
        }
        limits.take(RateLimit.TOKEN_GUESSING, address);
        throw new ApiException(
                        ProblemType.UNAUTHENTICATED,
                        "Send the access token you received when you applied in the Applicant-Token header")
                .withHeader("WWW-Authenticate", "Applicant-Token");
    }
}
