package com.example.ats.scan;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Says whether clamd answers, under /q/health/well: not a readiness check, since intake goes on without the scanner
 * (its files are stored PENDING) and taking the service out of rotation would lose applications instead.
 */
@Wellness
@ApplicationScoped
public class ScannerHealthCheck implements HealthCheck {

    private final MalwareScanner scanner;
    private final ScanConfig config;

    ScannerHealthCheck(MalwareScanner scanner, ScanConfig config) {
        this.scanner = scanner;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("malware-scanner")
                    .up()
                    .withData("scanning", "off")
                    .build();
        }
        // no host or port: the health endpoints answer anyone, and where clamd listens is not theirs to know
        return HealthCheckResponse.named("malware-scanner")
                .status(scanner.reachable())
                .build();
    }
}
