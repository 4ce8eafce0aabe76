package vn.giamngheo;

import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Command-line subcommands that run without the web application. Each takes the arguments
 * after its name and returns the process exit code.
 */
final class Commands {

	private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of();

	private Commands() {
	}

	static boolean isCommand(String name) {
		return COMMANDS.containsKey(name);
	}

	static int run(String[] args) {
		return COMMANDS.get(args[0]).applyAsInt(Arrays.copyOfRange(args, 1, args.length));
	}

}
