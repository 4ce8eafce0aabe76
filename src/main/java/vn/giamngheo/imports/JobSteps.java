package vn.giamngheo.imports;

import java.util.UUID;

/**
 * The steps of one kind of import job that {@link JobRunner} runs: its dry run and its
 * commit, each as the job's uploader, and what to clean after a failure.
 */
interface JobSteps {

	/**
	 * @return the name of the thread that runs this kind's jobs, one at a time
	 */
	String thread();

	/**
	 * @return what the logs call a job of this kind ("Import", "Partner file")
	 */
	String what();

	/**
	 * @param job a job
	 * @return whether these steps run it
	 */
	boolean runs(ImportJob job);

	/**
	 * The dry run of a QUEUED job.
	 * @param job the job
	 */
	void validate(ImportJob job);

	/**
	 * The commit of a COMMIT_QUEUED job.
	 * @param job the job
	 */
	void commit(ImportJob job);

	/**
	 * Cleans what a failed step left (staged rows), after the job is marked failed.
	 * @param id the job
	 */
	default void failed(UUID id) {
	}

}
