package org.diptych.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the window asks the user for files and folders. {@link #system()} shows the platform's dialogs; a
 * test (or an embedding application) passes its own, so that every command reached through a chooser can
 * be driven like any other control.
 */
public interface FileChoosers {
    /**
     * Asks for a folder.
     *
     * @param initial the folder to start in, or null
     * @return the folder chosen, or null if cancelled
     */
    Path folder(Window owner, String title, Path initial);

    /**
     * Asks for files to open.
     *
     * @param filters extension filters, the first one selected
     * @param multiple whether several files may be chosen
     * @return the files chosen (empty if cancelled)
     */
    List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple);

    /** The platform's file and folder dialogs. */
    static FileChoosers system() {
        return new FileChoosers() {
            @Override
            public Path folder(Window owner, String title, Path initial) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(title);
                if (initial != null && Files.isDirectory(initial)) dc.setInitialDirectory(initial.toFile());
                File f = dc.showDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public List<Path> open(Window owner, String title, List<FileChooser.ExtensionFilter> filters, boolean multiple) {
                FileChooser fc = new FileChooser();
                fc.setTitle(title);
                fc.getExtensionFilters().addAll(filters);
                if (multiple) {
                    List<File> fs = fc.showOpenMultipleDialog(owner);
                    return fs == null ? List.of() : fs.stream().map(File::toPath).toList();
                }
                File f = fc.showOpenDialog(owner);
                return f == null ? List.of() : List.of(f.toPath());
            }
        };
    }
}
