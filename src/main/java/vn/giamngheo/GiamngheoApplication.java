package vn.giamngheo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. Without arguments (or with Spring options) it serves the web application.
 * With a subcommand ({@code classify}, {@code mpi}, {@code bench-*}) it runs that command
 * without booting Spring, so batch runs start in milliseconds.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GiamngheoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && Commands.isCommand(args[0])) {
			System.exit(Commands.run(args));
		}
		SpringApplication.run(GiamngheoApplication.class, args);
	}

}
