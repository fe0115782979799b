package io.missive.tracker.erasure.http;

import io.missive.schemas.problems.ApiProblem;
import io.missive.schemas.topics.TopicUsers;
import io.missive.tracker.erasure.ErasureStore;
import io.missive.tracker.erasure.ErasureView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where an erasure stands: which services confirmed it, what each removed, which have not yet. */
@RestController
@RequestMapping("/api/v1/erasures")
@Tag(name = "Erasures", description = "A parent's erasure and each service's confirmation")
public class ErasureController {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final ErasureStore store;

    public ErasureController(ErasureStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An erasure with each service's confirmation (pending: services that have not confirmed yet)")
    public ErasureView erasure(@PathVariable String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-erasure-id", "Bad erasure id", "not an erasure id");
        }
        var request = store.request(id);
        var confirmations = store.confirmations(id);
        if (request.isEmpty() && confirmations.isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-erasure", "Unknown erasure", "No erasure " + id + " known yet");
        }
        return ErasureView.of(id, request.orElse(null), confirmations, TopicUsers.PERSONAL_DATA_HOLDERS);
    }

    private static ApiProblem problem(HttpStatus status, String kind, String title, String detail) {
        return ApiProblem.of(status, kind, detail).titled(title);
    }
}
