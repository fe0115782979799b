package io.missive.scheduler.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.missive.events.ProviderChoice;
import io.missive.scheduler.SchedulerApplication;
import io.missive.scheduler.directory.Directory;
import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.RedirectionTarget;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.jdbc.JdbcDirectory;
import io.missive.scheduler.program.ProgramCommand;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.resolution.RecipientRequest;
import io.missive.testkit.RealInfrastructureExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How much heap accepting one large campaign takes: loads a directory of N parents (default 200,000; one child
 * each, a second child for one in seven, groups of about 50, some bad, shared and opted-out phones), then accepts
 * one command to every active group — resolve, render, store, announce — and prints the most heap in use after
 * any garbage collection during the acceptance, against the same figure just before it. The broker runs in this
 * JVM too: the baseline includes it. Not a test (it asserts nothing, and takes a minute); run it with a bounded
 * heap, as the service runs:
 *
 * <pre>
 * ./missive mvn -q -o -pl scheduler-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx384m -cp scheduler-service/target/classes:scheduler-service/target/test-classes:$(cat scheduler-service/target/cp.txt) \
 *     io.missive.scheduler.bench.AcceptanceMemory 200000
 * </pre>
 */
public final class AcceptanceMemory {

    private static final int CHUNK = 10_000;

    public static void main(String[] args) throws Exception {
        int parents = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        var namespace = RealInfrastructureExtension.namespaceOf(AcceptanceMemory.class);
        var appArgs = new ArrayList<String>();
        namespace.springProperties().forEach((key, value) -> appArgs.add("--" + key + "=" + value));
        appArgs.add("--logging.level.root=WARN");
        appArgs.add("--logging.level.io.missive=INFO");
        appArgs.addAll(List.of(args).subList(Math.min(1, args.length), args.length));
        try (var app = new SpringApplicationBuilder(SchedulerApplication.class).run(appArgs.toArray(String[]::new))) {
            var activeGroups = load(app.getBean(JdbcDirectory.class), parents);
            var programs = app.getBean(ProgramService.class);
            var recipients = activeGroups.stream().map(id -> RecipientRequest.selector("group." + id)).toList();
            var command = new ProgramCommand("memory-" + UUID.randomUUID(), null, null, Instant.now().plusSeconds(3600).toString(),
                    recipients, "Bonjour, {PRENOM_ENFANT} a une nouvelle vidéo : {URL} — {PRENOM_ACCOMPAGNANTE}", null, "r1",
                    false, null, null, List.of(), ProviderChoice.AUTO, null, null);

            long before = settledHeap();
            var peak = new PeakHeapAfterGc();
            long started = System.nanoTime();
            var receipt = programs.accept(command);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            peak.stop();
            long after = settledHeap();
            var campaign = receipt.view().campaign();
            System.out.printf("figure: accepted %d recipients (%d dropped, %d failed) of %d parents in %d ms, max heap %d MiB%n",
                    campaign.recipientCount(), campaign.droppedCount(), campaign.failedCount(), parents, tookMs,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("figure: heap in use after GC: %d MiB before acceptance, at most %d MiB during it (%d GCs), %d MiB after%n",
                    before >> 20, Math.max(before, peak.max()) >> 20, peak.collections(), after >> 20);
        }
        System.exit(0);
    }

    /** Writes the directory in chunks, so that generating it does not weigh on the figure. Returns the active group ids. */
    private static List<String> load(JdbcDirectory directory, int parents) {
        int groups = Math.max(6, parents / 50);
        var groupList = new ArrayList<Group>();
        var active = new ArrayList<String>();
        for (int g = 1; g <= groups; g++) {
            var status = g % 6 == 4 ? "waiting" : "active";
            groupList.add(new Group("g" + g, "Groupe " + g, status));
            if (status.equals("active")) {
                active.add("g" + g);
            }
        }
        int supporters = Math.max(1, parents / 100);
        var supporterList = new ArrayList<Supporter>();
        for (int s = 1; s <= supporters; s++) {
            supporterList.add(new Supporter("s" + s, "Accompagnante" + s, "+331765" + String.format("%05d", s), "a" + s));
        }
        directory.apply(new Directory.Changes(List.of(), List.of(), groupList, supporterList, List.of(),
                List.of(new RedirectionTarget("r1", "https://example.org/videos/42", "video")), List.of()));
        for (int from = 1; from <= parents; from += CHUNK) {
            var parentList = new ArrayList<Parent>();
            var children = new ArrayList<Child>();
            var optedOut = new ArrayList<String>();
            for (int i = from; i < from + CHUNK && i <= parents; i++) {
                var phone = "+336" + String.format("%08d", i % 100 == 3 ? i - 1 : i);
                parentList.add(new Parent("p" + i, i % 100 == 1 ? "12345" : phone, "Parent" + i, "tok-" + i,
                        i + " rue de la Paix", List.of(), "s" + (1 + i % supporters)));
                children.add(new Child("c" + i, "Enfant" + i, "p" + i, "g" + (1 + i % groups)));
                if (i % 7 == 0) {
                    children.add(new Child("d" + i, "Cadet" + i, "p" + i, "g" + (1 + (i + 1) % groups)));
                }
                if (i % 100 == 4) {
                    optedOut.add(phone);
                }
            }
            directory.apply(new Directory.Changes(parentList, children, List.of(), List.of(), List.of(), List.of(), List.of()));
            directory.optOut(optedOut);
        }
        return active;
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The most heap in use right after a collection, over every collection from now until {@link #stop()}. */
    private static final class PeakHeapAfterGc {
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private volatile boolean listening = true;

        PeakHeapAfterGc() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!listening || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    collections.incrementAndGet();
                    max.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }

        void stop() {
            listening = false;
        }

        long max() {
            return max.get();
        }

        long collections() {
            return collections.get();
        }
    }
}
