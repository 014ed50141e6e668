package org.diptych.align;
/** Development aid: prints skeleton keys of words. */
public final class KeyDebug {
    public static void main(String[] a) {
        for (String w : a) System.out.println(w + " -> " + Translit.canonical(w) + " / " + Translit.skeleton(w, 3));
    }
}
