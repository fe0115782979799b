package io.missive.tracker.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which messages of calls with an unknown outcome adopt the SpotHit campaign their receipts name
 * (decision 0504). A SpotHit call is one campaign, so a call adopts at most one campaign id and a
 * campaign id belongs to at most one call. A receipt for an unknown campaign and a number adopts the
 * message with that number when exactly one call in doubt can be its own: calls that already adopted
 * another campaign are out, and a campaign already adopted by a call speaks only for that call. A
 * number in two such calls waits until one of them is told by its other numbers.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** A receipt for a campaign no message is known by, and a message in doubt with the receipt's number. */
    public record Candidate(String providerMessageId, String phone, String messageId, String callId) {
    }

    /** The message was in campaign {@code providerMessageId}: SENT, then its receipts apply. */
    public record Adoption(String messageId, String callId, String providerMessageId, String phone) {
    }

    /**
     * @param ambiguous receipts (campaign, number) that more than one call in doubt could own, left for later
     */
    public record Decision(List<Adoption> adoptions, List<Candidate> ambiguous) {
    }

    /**
     * @param campaignOfCall the campaign each call in doubt already adopted
     * @param callOfCampaign the call each adopted campaign belongs to
     */
    public static Decision decide(Collection<Candidate> candidates, Map<String, String> campaignOfCall,
                                  Map<String, String> callOfCampaign) {
        var byReceipt = new LinkedHashMap<String, List<Candidate>>();
        candidates.stream().distinct()
                .sorted(Comparator.comparing(Candidate::providerMessageId).thenComparing(Candidate::phone)
                        .thenComparing(Candidate::messageId))
                .forEach(c -> byReceipt.computeIfAbsent(c.providerMessageId() + '\u0000' + c.phone(), k -> new ArrayList<>()).add(c));
        var campaigns = new HashMap<>(campaignOfCall);
        var calls = new HashMap<>(callOfCampaign);
        var adoptions = new ArrayList<Adoption>();
        var open = new LinkedHashMap<>(byReceipt);
        // Until nothing changes: one adoption can settle a number another receipt found ambiguous.
        for (boolean progressed = true; progressed; ) {
            progressed = false;
            for (var receipt = open.entrySet().iterator(); receipt.hasNext(); ) {
                var options = receipt.next().getValue().stream().filter(c -> couldOwn(c, campaigns, calls)).toList();
                if (options.isEmpty()) {
                    receipt.remove();
                } else if (options.size() == 1) {
                    var chosen = options.getFirst();
                    adoptions.add(new Adoption(chosen.messageId(), chosen.callId(), chosen.providerMessageId(), chosen.phone()));
                    campaigns.put(chosen.callId(), chosen.providerMessageId());
                    calls.put(chosen.providerMessageId(), chosen.callId());
                    receipt.remove();
                    progressed = true;
                }
            }
        }
        return new Decision(adoptions, open.values().stream().flatMap(List::stream).toList());
    }

    private static boolean couldOwn(Candidate candidate, Map<String, String> campaigns, Map<String, String> calls) {
        var owner = calls.get(candidate.providerMessageId());
        if (owner != null) {
            return owner.equals(candidate.callId());
        }
        return !campaigns.containsKey(candidate.callId());
    }
}
