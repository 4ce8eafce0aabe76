package vn.giamngheo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.giamngheo.backup.Restore;
import vn.giamngheo.standards.cli.Main;

/**
 * Entry point. Without arguments (or with Spring options) it serves the web application.
 * With a subcommand ({@code classify}, {@code mpi}, {@code bench-*}, {@code restore}) it
 * runs that command without booting Spring. The same commands ship alone in
 * {@code giamngheo-cli.jar}, which starts faster (no nested-jar launcher).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GiamngheoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && Main.isCommand(args[0])) {
			System.exit(Main.run(args));
		}
		if (args.length > 0 && Restore.COMMAND.equals(args[0])) {
			System.exit(Restore.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(GiamngheoApplication.class, args);
	}

}
