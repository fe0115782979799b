package io.missive.scheduler.erasure.http;

import io.missive.schemas.audit.HttpCaller;
import io.missive.schemas.problems.ApiProblem;
import io.missive.scheduler.erasure.ParentErasures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A parent's erasure (GDPR art. 17): the author is the token's subject, the reason is required. */
@RestController
@RequestMapping("/api/v1/parents")
@Tag(name = "Erasure", description = "Erase a parent from every service; follow it at GET /api/v1/erasures/{erasureId} on the status-tracker")
public class ParentErasureController {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final ParentErasures erasures;

    public ParentErasureController(ParentErasures erasures) {
        this.erasures = erasures;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a parent",
            description = "Publishes ParentErased and the parent's directory tombstone; every service then erases what it holds "
                    + "(an opt-out is kept as a hash of the phone) and confirms. 202 with the erasure id; 200 with the earlier "
                    + "one when the parent was already erased; 404 for a parent no one knows; 400 without a reason.")
    public ResponseEntity<ErasureReply> erase(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
                                              HttpServletRequest http) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "bad-parent-id", "a parent id is 1 to 128 of A-Z a-z 0-9 . _ : @ -").titled("Bad parent id");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "reason-required", "an erasure needs a reason (1 to 500 characters)").titled("Reason required");
        }
        var author = HttpCaller.of(http).actor();
        if (author.isEmpty()) {
            throw ApiProblem.of(HttpStatus.UNAUTHORIZED, "no-author", "an erasure needs an authenticated author").titled("No author");
        }
        return switch (erasures.request(id, author, reason.strip())) {
            case ParentErasures.Requested.Accepted a -> ResponseEntity.accepted().body(new ErasureReply(a.erasureId(), id, "REQUESTED"));
            case ParentErasures.Requested.AlreadyErased e -> ResponseEntity.ok(new ErasureReply(e.erasureId(), id, "ALREADY_ERASED"));
            case ParentErasures.Requested.UnknownParent u -> throw ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-parent",
                    "no parent " + id + " in the directory or in any campaign").titled("Unknown parent");
        };
    }

    /** @param erasureId follow it at {@code GET /api/v1/erasures/{erasureId}} on the status-tracker */
    public record ErasureReply(String erasureId, String parentId, String status) {
    }
}
