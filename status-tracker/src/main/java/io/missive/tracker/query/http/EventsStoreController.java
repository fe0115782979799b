package io.missive.tracker.query.http;

import io.missive.schemas.phones.PhoneNumber;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.problems.ApiProblem;
import io.missive.tracker.query.CampaignListItem;
import io.missive.tracker.query.CampaignSummary;
import io.missive.tracker.query.ConversationEntry;
import io.missive.tracker.query.EventsStoreQueries;
import io.missive.tracker.query.InboundView;
import io.missive.tracker.query.InboxEntry;
import io.missive.tracker.query.MessageView;
import io.missive.tracker.query.OptOutView;
import io.missive.tracker.query.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Events store's query API. Errors are RFC 9457 problem details: 400 for bad input, 404 for what is unknown. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events store", description = "Messages, their status history, campaign counts, conversations and inbound replies")
public class EventsStoreController {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Set<String> KINDS = Set.of("REPLY", "STOP");
    private static final Set<String> STATES = Set.of(CampaignListItem.ACTIVE, CampaignListItem.FINISHED);

    private final EventsStoreQueries queries;
    private final Clock clock;

    public EventsStoreController(EventsStoreQueries queries) {
        this.queries = queries;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "A message with its status history")
    public MessageView message(@PathVariable String id) {
        var messageId = messageId(id);
        return queries.message(messageId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "unknown-message", "Unknown message", "No message " + messageId + " in the Events store"));
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "A campaign's message counts per status and provider")
    public CampaignSummary campaign(@PathVariable String id) {
        var campaignId = safeId("campaign id", id);
        return queries.campaign(campaignId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "unknown-campaign", "Unknown campaign", "No message of campaign " + campaignId));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns, newest first, with their counts",
            description = "state: ACTIVE (a message is not at a terminal status yet) or FINISHED; supporterId: the supporter "
                    + "the campaign is sent for. Reads the per-campaign counters, never the messages.")
    public Page<CampaignListItem> campaigns(@RequestParam(required = false) @Nullable String state,
                                            @RequestParam(required = false) @Nullable String supporterId,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        checkPaging(page, size);
        if (state != null && !STATES.contains(state)) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-state", "Bad state", "state must be ACTIVE or FINISHED");
        }
        return queries.campaigns(state, supporterId == null ? null : safeId("supporter id", supporterId), page, size);
    }

    @GetMapping("/parents/{id}/messages")
    @Operation(summary = "A parent's whole conversation, oldest first: the messages sent to them (SpotHit and Aircall), "
            + "their replies and STOPs, and their Aircall calls with direction and duration")
    public Page<ConversationEntry> parentMessages(@PathVariable String id,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        return queries.conversation(safeId("parent id", id), page, size);
    }

    @GetMapping("/supporters/{id}/inbound")
    @Operation(summary = "The replies and STOPs of a supporter's parents: unread first, then newest first "
            + "(unread=true: only the unread ones)")
    public Page<InboxEntry> supporterInbound(@PathVariable String id,
                                             @RequestParam(defaultValue = "false") boolean unread,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        return queries.supporterInbound(safeId("supporter id", id), unread, page, size);
    }

    @PostMapping("/supporters/{id}/inbound/{eventId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks a reply of the supporter's inbox read (marking it again keeps the first time)")
    public void markRead(@PathVariable String id, @PathVariable String eventId) {
        var supporterId = safeId("supporter id", id);
        var reply = safeId("event id", eventId);
        if (!queries.markRead(supporterId, reply, clock.instant())) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-reply", "Unknown reply",
                    "No reply " + reply + " in the inbox of supporter " + supporterId);
        }
    }

    @GetMapping("/inbound")
    @Operation(summary = "Replies and STOPs, latest first")
    public Page<InboundView> inbound(@RequestParam(required = false) @Nullable String kind,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        checkKind(kind);
        return queries.inbound(kind, page, size);
    }

    @GetMapping("/inbound/by-supporter")
    @Operation(summary = "Replies and STOPs grouped by supporter (in id order, those tied to none last), each "
            + "supporter's unread first, then newest first; a reply tied to two supporters' parents is in both groups")
    public Page<InboxEntry> inboundBySupporter(@RequestParam(required = false) @Nullable String kind,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        checkPaging(page, size);
        checkKind(kind);
        return queries.inboundBySupporter(kind, page, size);
    }

    @GetMapping("/optouts/{phone}")
    @Operation(summary = "A phone's opt-out state and its history of opt-outs and opt-ins (with author and reason); "
            + "the phone as people write it (06 12 34 56 78, +33612345678…): 422 with the phone library's reason otherwise")
    public OptOutView optOut(@PathVariable String phone) {
        // Opt-outs are kept by E.164 after the one normaliser: the lookup goes through it too.
        var e164 = switch (PhoneNumbers.parse(phone)) {
            case PhoneNumber.Valid valid -> valid.e164();
            case PhoneNumber.Rejected rejected -> throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-phone", "Invalid phone number",
                    "phone: " + rejected.message()).with("field", "phone").with("rule", rejected.message());
        };
        return queries.optOut(e164)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "never-opted-out", "Never opted out", "No opt-out recorded for this phone"));
    }

    private static String messageId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAUuid) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-message-id", "Bad message id", "A message id is a UUID");
        }
    }

    private static String safeId(String what, String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-identifier", "Bad " + what, what + " must be 1 to 128 of A-Z a-z 0-9 . _ : @ -");
        }
        return id;
    }

    private static void checkKind(@Nullable String kind) {
        if (kind != null && !KINDS.contains(kind)) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-kind", "Bad kind", "kind must be REPLY or STOP");
        }
    }

    private static void checkPaging(int page, int size) {
        if (page < 0 || page > 1_000_000 || size < 1 || size > Page.MAX_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-paging", "Bad paging", "page must be ≥ 0 and size between 1 and " + Page.MAX_SIZE);
        }
    }

    private static ApiProblem problem(HttpStatus status, String kind, String title, String detail) {
        return ApiProblem.of(status, kind, detail).titled(title);
    }
}
