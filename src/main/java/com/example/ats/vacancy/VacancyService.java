package com.example.ats.vacancy;

import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.ETags;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates, changes and finds vacancies. */
@ApplicationScoped
public class VacancyService {

    private final VacancyRepository vacancies;
    private final Clock clock;
    private final Outbox outbox;

    VacancyService(VacancyRepository vacancies, Clock clock, Outbox outbox) {
        this.vacancies = vacancies;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public VacancyView create(CreateVacancyRequest request) {
        Vacancy vacancy = new Vacancy();
        vacancy.id = UUID.randomUUID();
        vacancy.title = request.title().strip();
        vacancy.description = request.description();
        vacancy.location = request.location();
        vacancy.status = VacancyStatus.OPEN;
        vacancy.createdAt = now();
        vacancy.updatedAt = vacancy.createdAt;
        vacancies.persistAndFlush(vacancy);
        outbox.record(EventType.VACANCY_OPENED, vacancy.id, "status", vacancy.status);
        return VacancyView.from(vacancy);
    }

    @Transactional
    public VacancyView update(UUID id, ETags.IfMatch ifMatch, UpdateVacancyRequest request) {
        Vacancy vacancy = vacancies.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Vacancy"));
        ifMatch.check(vacancy.version);
        VacancyStatus before = vacancy.status;
        vacancy.title = request.title().strip();
        vacancy.description = request.description();
        vacancy.location = request.location();
        vacancy.status = request.status();
        vacancy.updatedAt = now();
        outbox.record(changeEvent(before, vacancy.status), vacancy.id, "status", vacancy.status);
        vacancies.flush();
        return VacancyView.from(vacancy);
    }

    public VacancyView get(UUID id) {
        return vacancies
                .findByIdOptional(id)
                .map(VacancyView::from)
                .orElseThrow(() -> ApiException.notFound("Vacancy"));
    }

    /** An open vacancy as the apply page names it. */
    public record OpenVacancy(UUID id, String title, String description, String location) {}

    /** The vacancy when it exists and is open. */
    public java.util.Optional<OpenVacancy> open(UUID id) {
        return vacancies
                .findByIdOptional(id)
                .filter(v -> v.status == VacancyStatus.OPEN)
                .map(v -> new OpenVacancy(v.id, v.title, v.description, v.location));
    }

    /** Whether applications may point to this vacancy: it exists and is open. */
    public boolean isOpen(UUID id) {
        return vacancies
                .findByIdOptional(id)
                .map(v -> v.status == VacancyStatus.OPEN)
                .orElse(false);
    }

    /** A page of at most {@code limit} vacancies after the cursor, and the cursor of the next page (null at the end). */
    public Slice<VacancyView> list(VacancyStatus status, PageRequest page) {
        return page.read(
                        (after, limit) -> vacancies.page(status, after, limit),
                        last -> new Cursor(last.createdAt, last.id))
                .map(VacancyView::from);
    }

    private static EventType changeEvent(VacancyStatus before, VacancyStatus after) {
        if (before == after) {
            return EventType.VACANCY_CHANGED;
        }
        return after == VacancyStatus.CLOSED ? EventType.VACANCY_CLOSED : EventType.VACANCY_OPENED;
    }

    /** PostgreSQL keeps microseconds; truncating here keeps cursors and ETags equal to what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
