package io.missive.console.clients.http;

import io.missive.console.clients.ApiClient;
import io.missive.console.clients.ApiClients;
import io.missive.console.clients.IssuedApiClient;
import io.missive.console.clients.NewApiClient;
import io.missive.schemas.audit.HttpCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for admins: list, issue (the secret is in this one reply only), revoke. */
@RestController
@RequestMapping("/api/v1/clients")
class ApiClientController {

    private final ApiClients clients;
    private final ApiKeyDesk desk;

    ApiClientController(ApiClients clients, ApiKeyDesk desk) {
        this.clients = clients;
        this.desk = desk;
    }

    /** {@code clientId} is optional: a random one is made when absent. */
    record IssueRequest(@Nullable String clientId, @Nullable String name, @Nullable Set<String> scopes, @Nullable Instant expiresAt) {
    }

    @GetMapping
    List<ApiClient> list() {
        return clients.all();
    }

    @PostMapping
    ResponseEntity<IssuedApiClient> issue(@RequestBody IssueRequest request, HttpServletRequest http) {
        var issued = desk.issue(new NewApiClient(request.name(), request.scopes(), request.expiresAt()), request.clientId(),
                HttpCaller.of(http));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<?> revoke(@PathVariable String clientId, HttpServletRequest http) {
        if (desk.revoke(clientId, HttpCaller.of(http))) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no API client " + clientId + " that is not already revoked")).build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
