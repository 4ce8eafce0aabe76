package vn.giamngheo.programmes;

/**
 * An output of a catalogue node ({@code DA5}, {@code HOUSES_BUILT}).
 *
 * @param node the node code
 * @param output the output code
 */
public record OutputKey(String node, String output) {
}
