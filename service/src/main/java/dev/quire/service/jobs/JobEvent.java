package dev.quire.service.jobs;

/**
 * One thing that happened to a job, as sent on {@code GET /jobs/{id}/events}: {@code type} is the
 * SSE event name ({@code status}, {@code planned}, {@code progress}, {@code document},
 * {@code finished}), {@code json} the event's data, one JSON object on one line.
 */
public record JobEvent(String type, String json) {
}
