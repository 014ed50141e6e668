package org.diptych.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * {@link Preferences} kept in one properties file (the settings in the OS's config folder instead of the
 * JDK's store: {@code ~/.java} on Linux, the registry on Windows). A node's keys are stored as
 * {@code node/path/key}; {@link #flush()} writes the whole file atomically (temp file, fsync, rename).
 */
public final class FilePreferences extends AbstractPreferences {
    private final Store store;

    private FilePreferences(Store store) {
        super(null, "");
        this.store = store;
    }

    private FilePreferences(FilePreferences parent, String name) {
        super(parent, name);
        this.store = parent.store;
    }

    /** The root node of the settings in {@code file} (read now if it exists). */
    public static FilePreferences open(Path file) {
        return new FilePreferences(new Store(file));
    }

    /** The file this root was opened on. */
    public Path file() {
        return store.file;
    }

    private String prefix() {
        String p = absolutePath();
        return p.equals("/") ? "" : p.substring(1) + "/";
    }

    @Override
    protected void putSpi(String key, String value) {
        synchronized (store) {
            store.props.setProperty(prefix() + key, value);
        }
    }

    @Override
    protected String getSpi(String key) {
        synchronized (store) {
            return store.props.getProperty(prefix() + key);
        }
    }

    @Override
    protected void removeSpi(String key) {
        synchronized (store) {
            store.props.remove(prefix() + key);
        }
    }

    @Override
    protected void removeNodeSpi() {
        synchronized (store) {
            String p = prefix();
            store.props.keySet().removeIf(k -> k.toString().startsWith(p));
        }
    }

    @Override
    protected String[] keysSpi() {
        synchronized (store) {
            String p = prefix();
            List<String> keys = new ArrayList<>();
            for (Object k : store.props.keySet()) {
                String s = k.toString();
                if (s.startsWith(p) && s.indexOf('/', p.length()) < 0) keys.add(s.substring(p.length()));
            }
            return keys.toArray(String[]::new);
        }
    }

    @Override
    protected String[] childrenNamesSpi() {
        synchronized (store) {
            String p = prefix();
            TreeSet<String> names = new TreeSet<>();
            for (Object k : store.props.keySet()) {
                String s = k.toString();
                int slash = s.indexOf('/', p.length());
                if (s.startsWith(p) && slash > 0) names.add(s.substring(p.length(), slash));
            }
            return names.toArray(String[]::new);
        }
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return new FilePreferences(this, name);
    }

    @Override
    protected void syncSpi() throws BackingStoreException {
        flushSpi();
    }

    @Override
    protected void flushSpi() throws BackingStoreException {
        if (parent() != null) return; // the root writes the file for every node
        try {
            store.save();
        } catch (IOException e) {
            throw new BackingStoreException(e);
        }
    }

    @Override
    public void flush() throws BackingStoreException {
        if (parent() != null) {
            parent().flush();
        } else {
            super.flush();
        }
    }

    /** The properties of one file, shared by all nodes of a root. */
    private static final class Store {
        final Path file;
        final Properties props = new Properties();

        Store(Path file) {
            this.file = file;
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                } catch (IOException | IllegalArgumentException e) {
                    // unreadable settings are only a convenience: start from defaults, the next save replaces them
                }
            }
        }

        synchronized void save() throws IOException {
            Files.createDirectories(file.getParent());
            StringWriter w = new StringWriter();
            Properties sorted = new Properties() {
                @Override
                public synchronized java.util.Set<java.util.Map.Entry<Object, Object>> entrySet() {
                    java.util.Set<java.util.Map.Entry<Object, Object>> s = new java.util.TreeSet<>(
                            java.util.Comparator.comparing(e -> e.getKey().toString()));
                    s.addAll(super.entrySet());
                    return s;
                }
            };
            sorted.putAll(props);
            sorted.store(w, "Diptych settings");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(w.toString().getBytes(StandardCharsets.UTF_8));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Copies every key of {@code from} and its children into {@code to} (settings of an older store). */
    public static void copy(Preferences from, Preferences to) throws BackingStoreException {
        for (String k : from.keys()) to.put(k, from.get(k, ""));
        for (String c : from.childrenNames()) copy(from.node(c), to.node(c));
    }
}
