package vn.giamngheo.programmes;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.programmes.ProgrammeFiles.Mapping;
import vn.giamngheo.programmes.ProgrammeFiles.PolicyProject;
import vn.giamngheo.programmes.ProgrammeFiles.Successor;

/**
 * The programme catalogue, loaded from the files in {@code programmes/} at start (a bad
 * file stops the start and names the file and the field; format: ADR 0047). Public data:
 * no scope.
 */
@Service
public class ProgrammeCatalogue {

	/** Where the shipped catalogue files are. */
	public static final String LOCATION = "classpath:programmes/*.yaml";

	/** The file of old → new mappings and policy defaults among them. */
	public static final String MAPPING = "mapping.yaml";

	private final List<Programme> programmes;

	private final Mapping mapping;

	@Autowired
	public ProgrammeCatalogue(SupportPolicies policies) {
		this(LOCATION, policies.all().stream().map(SupportPolicy::code).collect(Collectors.toSet()));
	}

	/**
	 * Reads the catalogue files at a location.
	 * @param location a resource pattern ({@code classpath:programmes/*.yaml})
	 * @param policyCodes the support policies counted outputs and defaults may name
	 * @throws ProgrammeFileException when a file is malformed
	 */
	public ProgrammeCatalogue(String location, Set<String> policyCodes) {
		List<Programme> loaded = new ArrayList<>();
		Map<String, String> fileOfCode = new HashMap<>();
		Object mappingYaml = null;
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources(location)) {
				String file = r.getFilename();
				Object yaml = parse(r, file);
				if (MAPPING.equals(file)) {
					mappingYaml = yaml;
					continue;
				}
				Programme p = ProgrammeFiles.programme(file, yaml, policyCodes);
				String other = fileOfCode.putIfAbsent(p.code(), file);
				if (other != null) {
					throw new ProgrammeFileException(file, "code", "programme " + p.code() + " is already in " + other);
				}
				loaded.add(p);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Programme catalogue files cannot be read", ex);
		}
		if (mappingYaml == null) {
			throw new ProgrammeFileException(MAPPING, "(file)", "missing (every catalogue has its mapping file)");
		}
		loaded.sort(Comparator.comparingInt(Programme::periodFrom).thenComparing(Programme::code));
		this.programmes = List.copyOf(loaded);
		this.mapping = ProgrammeFiles.mapping(MAPPING, mappingYaml, this.programmes, policyCodes);
	}

	private static Object parse(Resource r, String file) throws IOException {
		try (InputStream in = r.getInputStream()) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			return new Yaml(new DatesAsText(options)).load(in);
		}
		catch (YAMLException ex) {
			throw new ProgrammeFileException(file, "(file)", "not valid YAML: " + ex.getMessage());
		}
	}

	/** Reads dates as text, so the loader parses them strictly. */
	private static final class DatesAsText extends SafeConstructor {

		DatesAsText(LoaderOptions options) {
			super(options);
			this.yamlConstructors.put(Tag.TIMESTAMP, new SafeConstructor.ConstructYamlStr());
		}

	}

	/**
	 * @return every programme, oldest first
	 */
	public List<Programme> programmes() {
		return this.programmes;
	}

	/**
	 * @param code programme code
	 * @return the programme
	 */
	public Optional<Programme> programme(String code) {
		return this.programmes.stream().filter((p) -> p.code().equals(code)).findFirst();
	}

	/**
	 * @param programme programme code
	 * @param node node code
	 * @return the node
	 */
	public Optional<ProgrammeNode> node(String programme, String node) {
		return programme(programme).flatMap((p) -> find(p.projects(), node));
	}

	/** A node by code among nodes and their descendants. */
	static Optional<ProgrammeNode> find(List<ProgrammeNode> nodes, String code) {
		for (ProgrammeNode n : nodes) {
			if (n.code().equals(code)) {
				return Optional.of(n);
			}
			if (code.startsWith(n.code() + ".")) {
				return find(n.children(), code);
			}
		}
		return Optional.empty();
	}

	/**
	 * Every node of a programme, depth first (a project, then its sub-projects and their
	 * contents).
	 * @param programme the programme
	 * @return its nodes in catalogue order
	 */
	public static List<ProgrammeNode> flatten(Programme programme) {
		List<ProgrammeNode> out = new ArrayList<>();
		addAll(programme.projects(), out);
		return out;
	}

	private static void addAll(List<ProgrammeNode> nodes, List<ProgrammeNode> out) {
		for (ProgrammeNode n : nodes) {
			out.add(n);
			addAll(n.children(), out);
		}
	}

	/**
	 * @param year a year
	 * @return the programmes whose period covers it
	 */
	public List<Programme> inForce(int year) {
		return this.programmes.stream().filter((p) -> p.periodFrom() <= year && year <= p.periodTo()).toList();
	}

	/**
	 * @param programme programme code
	 * @param node node code
	 * @return the node of the next programme it maps to, if any
	 */
	public Optional<NodeRef> successor(String programme, String node) {
		return this.mapping.successors()
			.stream()
			.filter((s) -> s.from().programme().equals(programme) && s.from().node().equals(node))
			.map(Successor::to)
			.findFirst();
	}

	/**
	 * Every old → new line of the mapping file.
	 * @return the lines, in file order
	 */
	public List<Continuation> continuations() {
		return this.mapping.successors()
			.stream()
			.map((s) -> new Continuation(s.from(), s.to(), s.verified(), s.note()))
			.toList();
	}

	/**
	 * An old node and the node it continues as.
	 *
	 * @param from the old node
	 * @param to the new node
	 * @param verified whether the continuation was read in an official text
	 * @param note why (Vietnamese)
	 */
	public record Continuation(NodeRef from, NodeRef to, boolean verified, String note) {
	}

	/**
	 * @param policyCode a support policy code
	 * @param day a day
	 * @return the project the policy's support counts for on that day, if any
	 */
	public Optional<NodeRef> projectOfPolicy(String policyCode, LocalDate day) {
		return this.mapping.policyProjects()
			.stream()
			.filter((p) -> p.policy().equals(policyCode) && p.covers(day))
			.map(PolicyProject::project)
			.findFirst();
	}

	/**
	 * Every dated policy default of the mapping file (for counting in SQL).
	 * @return the defaults
	 */
	List<PolicyProject> policyDefaults() {
		return this.mapping.policyProjects();
	}

	/**
	 * The nodes a support record or a model of a year may be linked to: every node of
	 * every programme in force that year, in catalogue order (for a later project choice
	 * on the ledger and model forms).
	 * @param year a year
	 * @return the choices
	 */
	public List<NodeRef> projectChoices(int year) {
		List<NodeRef> out = new ArrayList<>();
		for (Programme p : inForce(year)) {
			flatten(p).forEach((n) -> out.add(new NodeRef(p.code(), n.code())));
		}
		return out;
	}

}
