package dev.marketplace.search.index;

import dev.marketplace.platform.web.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff start a rebuild of the index (it runs in the background; one at a time per instance) and
 * follow it through its status.
 */
@RestController
@RequestMapping("/api/v1/search/admin/reindex")
class ReindexController {

  private final Reindexer reindexer;
  // One rebuild at a time (guarded by status); a virtual thread never holds the JVM open at
  // shutdown.
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
  private final AtomicReference<Status> status =
      new AtomicReference<>(new Status("IDLE", null, null));

  ReindexController(Reindexer reindexer) {
    this.reindexer = reindexer;
  }

  record Status(String state, Reindexer.@Nullable Report report, @Nullable String error) {}

  @Operation(summary = "Rebuild the search index (admin)")
  @PostMapping
  ResponseEntity<Status> start() {
    Status running = new Status("RUNNING", null, null);
    Status previous = status.getAndUpdate(s -> s.state().equals("RUNNING") ? s : running);
    if (previous.state().equals("RUNNING")) {
      throw new ConflictException("A rebuild is already running.");
    }
    worker.execute(
        () -> {
          try {
            status.set(new Status("DONE", reindexer.rebuild(), null));
          } catch (Exception e) {
            status.set(new Status("FAILED", null, e.getMessage()));
          }
        });
    return ResponseEntity.accepted()
        .header("Location", "/api/v1/search/admin/reindex")
        .body(running);
  }

  @Operation(summary = "Read the reindex status (admin)")
  @GetMapping
  Status status() {
    return status.get();
  }
}
