package vn.giamngheo.standards.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Entry point of the batch commands ({@code classify}, {@code mpi},
 * {@code bench-classify}). It is the {@code Main-Class} of
 * {@code target/giamngheo-cli.jar}, a small jar with only the standards engine and its
 * data and no dependencies, so a batch run pays for a bare JVM start and nothing else.
 * The web application's jar reaches the same commands through {@link #isCommand} and
 * {@link #run}.
 */
public final class Main {

	private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of("classify", ClassifyCommand::run, "mpi",
			MpiCommand::run, "bench-classify", BenchClassifyCommand::run);

	private Main() {
	}

	public static void main(String[] args) {
		if (args.length == 0 || !isCommand(args[0])) {
			System.err.println("Lệnh / commands: " + String.join(", ", COMMANDS.keySet().stream().sorted().toList())
					+ " (docs/cli.md)");
			System.exit(1);
		}
		System.exit(run(args));
	}

	public static boolean isCommand(String name) {
		return COMMANDS.containsKey(name);
	}

	/**
	 * Runs {@code args[0]} with the remaining arguments; returns the process exit code.
	 */
	public static int run(String[] args) {
		return COMMANDS.get(args[0]).applyAsInt(Arrays.copyOfRange(args, 1, args.length));
	}

}
