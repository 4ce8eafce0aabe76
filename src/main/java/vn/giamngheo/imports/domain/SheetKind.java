package vn.giamngheo.imports.domain;

/** What a sheet of a file was read as (or why it was not). */
public enum SheetKind {

	/** One row per household. */
	HOUSEHOLDS,
	/** One row per member, naming the household by its code or row key. */
	MEMBERS,
	/** One row per member with the household's columns (the export's layout). */
	FLAT,
	/**
	 * One row per household with its head's columns, as communes keep their lists: the
	 * name is the head's and the relation is implied.
	 */
	HEADS,
	/** The template's read-me sheet (known by its name): not data. */
	GUIDE,
	/** The template's lists behind its drop-downs (known by its name): not data. */
	LISTS,
	/** No header row recognised: not read (the column-mapping step can map it). */
	UNRECOGNISED;

	public boolean data() {
		return this == HOUSEHOLDS || this == MEMBERS || this == FLAT || this == HEADS;
	}

}
