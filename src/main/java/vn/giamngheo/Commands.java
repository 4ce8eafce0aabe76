package vn.giamngheo;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;

import vn.giamngheo.standards.cli.BenchClassifyCommand;
import vn.giamngheo.standards.cli.ClassifyCommand;
import vn.giamngheo.standards.cli.MpiCommand;

/**
 * Command-line subcommands that run without the web application. Each takes the arguments
 * after its name and returns the process exit code.
 */
final class Commands {

	private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of("classify", ClassifyCommand::run, "mpi",
			MpiCommand::run, "bench-classify", BenchClassifyCommand::run);

	private Commands() {
	}

	static boolean isCommand(String name) {
		return COMMANDS.containsKey(name);
	}

	static int run(String[] args) {
		return COMMANDS.get(args[0]).applyAsInt(Arrays.copyOfRange(args, 1, args.length));
	}

}
