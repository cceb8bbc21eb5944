package com.example.ats.export;

import java.util.Optional;
import java.util.UUID;

/** A changed e-mail address that waits for its owner to confirm it (the applicant sees it in their data). */
public interface AddressesToConfirm {

    /** The address, while its link works; call in a transaction. */
    Optional<String> waitingFor(UUID applicationId);
}
