package se.familycentre.invoicing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key}: the same key and request give the stored answer
 * without doing the work twice; the same key with another request is refused.
 * The key is written in the same transaction as the work, so either both
 * happen or neither.
 */
@Singleton
public class Idempotency {

    /** The longest key the {@code idempotency_key.idem_key} column holds. */
    public static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository keys;

    public Idempotency(IdempotencyRepository keys) {
        this.keys = keys;
    }

    public Optional<String> answered(String key, String request) {
        return keys.findById(key).map(row -> {
            if (!row.requestHash().equals(hash(request))) {
                throw new InvoicingRefusal.KeyReused();
            }
            if (row.response() == null) {
                throw new InvoicingRefusal.KeyInProgress("the request with this Idempotency-Key is still being processed");
            }
            return row.response();
        });
    }

    /**
     * Does the work once per key. The key is written first, so a concurrent
     * request with the same key waits on it and then finds the stored answer
     * ({@link #answerOf}); a failed attempt rolls the key back with the work.
     */
    @Transactional
    public String once(String key, String request, Supplier<String> work) {
        Optional<String> earlier = answered(key, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        keys.save(new IdempotencyRow(key, hash(request), null, now));
        String response = work.get();
        keys.update(new IdempotencyRow(key, hash(request), response, now));
        return response;
    }

    /** The answer stored for a key whose first request finished while this one waited. */
    public String answerOf(String key, String request) {
        return answered(key, request).orElseThrow(() -> new InvoicingRefusal.KeyInProgress(
                "the request with this Idempotency-Key failed or is still being processed; try again"));
    }

    static String hash(String request) {
        return PdfArchive.sha256(request.getBytes(StandardCharsets.UTF_8));
    }
}
