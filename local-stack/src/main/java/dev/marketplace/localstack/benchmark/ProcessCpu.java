package dev.marketplace.localstack.benchmark;

import dev.marketplace.localstack.LocalStack;
import dev.marketplace.localstack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time of every process of the stack, from Linux's {@code /proc}: which process the cores went
 * to while the load ran. Processes are named by role: each service, PostgreSQL (the server and its
 * backends; pg_ctl detaches the server from this JVM, so it is found by its port), Redis,
 * OpenSearch, and the launcher, which is this JVM (Kafka, the MongoDB wire-protocol server and the
 * load generator). Empty where there is no {@code /proc}.
 */
final class ProcessCpu {

  /** Linux reports process times in USER_HZ ticks, 100 a second on every common platform. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** Ticks per process id, the process ids' roles, and the machine's busy and total ticks. */
  record Sample(
      long nanos, Map<Long, Long> ticks, Map<Long, String> roles, long busy, long total) {}

  private final LocalStack stack;

  ProcessCpu(LocalStack stack) {
    this.stack = stack;
  }

  Sample sample() {
    Map<Long, String> roles = new HashMap<>();
    for (ServiceProcess service : stack.services()) {
      roles.put(service.process().pid(), service.name());
    }
    ProcessHandle launcher = ProcessHandle.current();
    roles.put(launcher.pid(), "launcher (Kafka, MongoDB server, load)");
    launcher.descendants().forEach(p -> roles.putIfAbsent(p.pid(), role(p)));
    postgres(stack.maintenanceDatabaseUrl())
        .ifPresent(
            server -> {
              roles.put(server.pid(), "postgresql");
              server.descendants().forEach(p -> roles.put(p.pid(), "postgresql"));
            });
    Map<Long, Long> ticks = new HashMap<>();
    roles.keySet().forEach(pid -> ticks.put(pid, ticks(pid)));
    long[] machine = machineTicks();
    return new Sample(System.nanoTime(), ticks, roles, machine[0], machine[1]);
  }

  /**
   * Each role's CPU between two samples, in percent of one core (two busy cores: 200 %), and
   * "machine" for everything that ran, this stack or not, in the same unit. A process that started
   * in between counts from zero; one that ended in between is missing.
   */
  static Map<String, Double> percentOfOneCore(Sample before, Sample after) {
    double seconds = (after.nanos() - before.nanos()) / 1e9;
    Map<String, Double> percent = new TreeMap<>();
    after
        .ticks()
        .forEach(
            (pid, ticks) -> {
              long used = ticks - before.ticks().getOrDefault(pid, 0L);
              percent.merge(
                  after.roles().get(pid), used / TICKS_PER_SECOND / seconds * 100, Double::sum);
            });
    percent.values().removeIf(p -> p < 0.5);
    if (after.total() > before.total()) {
      percent.put(
          "machine",
          100.0
              * Runtime.getRuntime().availableProcessors()
              * (after.busy() - before.busy())
              / (after.total() - before.total()));
    }
    return percent;
  }

  /** The PostgreSQL server the services use: the postgres process listening on its port. */
  private static Optional<ProcessHandle> postgres(String jdbcUrl) {
    int port = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
        .filter(p -> p.info().commandLine().orElse("").contains("-p " + port))
        .findFirst();
  }

  private static String role(ProcessHandle process) {
    String command = process.info().command().orElse("");
    String line = process.info().commandLine().orElse(command);
    if (command.endsWith("/postgres")) {
      return "postgresql";
    } else if (line.contains("redis")) {
      return "redis";
    } else if (line.toLowerCase(java.util.Locale.ROOT).contains("opensearch")) {
      return "opensearch";
    }
    return Path.of(command.isEmpty() ? "pid " + process.pid() : command).getFileName().toString();
  }

  /** utime + stime of the process: fields 14 and 15 of /proc/pid/stat (after the command name). */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Busy and total ticks of all cores, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
