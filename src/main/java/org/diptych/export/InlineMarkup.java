package org.diptych.export;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.okapi.common.filterwriter.GenericContent;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;

/**
 * Turns a translated paragraph's {@code markup} into an Okapi fragment that the source unit's skeleton can
 * carry, keeping inline formatting. Three forms are understood:
 * <ol>
 * <li>Okapi letter-coded text ({@code Мы <g1>требуем</g1> <x2/>}), the form of
 *     {@link GenericContent#fromFragmentToLetterCoded}: codes are taken from the source unit by id, so bold
 *     runs in DOCX and tags in HTML come back exactly; a code id the source unit does not have is dropped;</li>
 * <li>for HTML only, inline HTML as written ({@code We <b>demand</b> &amp; …}): tags become codes written
 *     verbatim, entities are decoded;</li>
 * <li>anything else is plain text.</li>
 * </ol>
 */
final class InlineMarkup {
    private InlineMarkup() {}

    private static final Pattern LETTER_CODE = Pattern.compile("</?(?:g|x|bx|ex|b|e)(\\d+)/?>");
    private static final Pattern HTML_TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)\\b[^<>]*?(/?)>");
    private static final Set<String> VOID = Set.of("br", "img", "wbr", "hr", "input", "meta", "link", "area", "source");

    /** The result and whether inline formatting of the source was lost (markup had none of its codes). */
    record Result(TextFragment fragment, boolean formattingLost, boolean unknownCodesDropped) {}

    static Result toFragment(String markup, TextFragment source, String format) {
        boolean sourceHasCodes = source.hasCode();
        if (LETTER_CODE.matcher(markup).find()) {
            Set<Integer> known = new HashSet<>();
            for (Code c : source.getCodes()) known.add(c.getId());
            StringBuilder cleaned = new StringBuilder();
            Matcher m = LETTER_CODE.matcher(markup);
            boolean dropped = false;
            while (m.find()) {
                boolean ok = known.contains(Integer.parseInt(m.group(1)));
                dropped |= !ok;
                m.appendReplacement(cleaned, ok ? Matcher.quoteReplacement(m.group()) : "");
            }
            m.appendTail(cleaned);
            TextFragment tf = GenericContent.fromLetterCodedToFragment(cleaned.toString(), source.clone(), true, true);
            return new Result(tf, false, dropped);
        }
        if ("html".equals(format) && HTML_TAG.matcher(markup).find()) {
            TextFragment tf = new TextFragment();
            Matcher m = HTML_TAG.matcher(markup);
            int last = 0;
            while (m.find()) {
                if (m.start() > last) tf.append(HtmlEntities.decode(markup.substring(last, m.start())));
                String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
                TagType type = !m.group(1).isEmpty() ? TagType.CLOSING
                        : (!m.group(3).isEmpty() || VOID.contains(name)) ? TagType.PLACEHOLDER : TagType.OPENING;
                tf.append(type, name, m.group());
                last = m.end();
            }
            if (last < markup.length()) tf.append(HtmlEntities.decode(markup.substring(last)));
            return new Result(tf, false, false);
        }
        String text = "html".equals(format) ? HtmlEntities.decode(markup) : markup;
        return new Result(new TextFragment(text), sourceHasCodes, false);
    }
}
