/* cli_walk.c - the inputs of `screen` and `lint`: named files, folders
 * walked recursively, and lists from --files-from. Hidden entries and
 * symbolic links are left out unless asked for (and counted, so that the
 * summary can say so); with --follow, each folder is walked once, known by
 * its device and inode, so a link loop ends. A file found by the walk is
 * judged by its extension, and by its first bytes when the extension says
 * nothing; a file named explicitly is always read. What --exclude,
 * .gitignore and .ignore leave out (cli_ignore.c) is not a candidate. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uthash.h>

#include "cli_walk.h"

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_key;

typedef struct {
    dir_key key;
    UT_hash_handle hh;
} dir_seen;

typedef struct {
    const cli_opts *o;
    const walk_filter *only;
    screen_inputs *in;
    dir_seen *seen;
    const char *root;        /* the folder named: --exclude's paths are
                                relative to it */
    ignore_file **ig;        /* the ignore files of the folders walked
                                into, outermost first */
    size_t nig, capig;
    bool oom;
} walker;

/* Is a walked entry left out by --exclude or an ignore file? The nearest
 * ignore file that has a say decides. */
static bool skipped(const walker *w, const char *path, bool is_dir)
{
    if (w->o->nexcludes && w->root) {
        size_t rl = strlen(w->root);
        const char *rel = strncmp(path, w->root, rl) ? path : path + rl;
        while (*rel == '/')
            rel++;
        if (walk_excluded(w->o, rel, is_dir))
            return true;
    }
    for (size_t i = w->nig; i-- > 0;) {
        int m = ignore_match(w->ig[i], path, is_dir);
        if (m)
            return m > 0;
    }
    return false;
}

/* Extensions of the formats the readers take (what the file is, they
 * tell by its content). */
static const char *const TEXT_EXT[] = {
    "txt", "text", "md", "markdown", "mdown", "mkd", "rst", "org", "adoc",
    "asciidoc", "html", "htm", "xhtml", "pdf", "docx", "odt", "json", NULL};

/* Extensions of formats this build cannot read (but --pre can). */
static const char *const OTHER_EXT[] = {
    "doc", "rtf", "pages", "xls", "xlsx", "ods", "ppt",
    "pptx", "odp", "key", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff",
    "webp", "heic", "heif", "ico", "svg", "psd", "raw", "zip", "gz", "tgz",
    "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "exe", "dll", "so",
    "dylib", "o", "a", "class", "pyc", "bin", "iso", "dmg", "mp3", "mp4",
    "m4a", "wav", "flac", "ogg", "avi", "mov", "mkv", "webm", "ttf", "otf",
    "woff", "woff2", "sqlite", "db", "epub", "mobi", NULL};

static bool in_list(const char *const *list, const char *ext)
{
    for (; *list; list++)
        if (!strcmp(*list, ext))
            return true;
    return false;
}

/* The lower-cased extension of the last path component, "" if none. */
static void extension(const char *path, char *out, size_t cap)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    out[0] = '\0';
    if (!dot || dot == base || strlen(dot + 1) >= cap)
        return;
    size_t i = 0;
    for (const char *p = dot + 1; *p; p++)
        out[i++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    out[i] = '\0';
}

static void add(walker *w, const char *path, input_kind kind, const char *fmt,
                const char *arg)
{
    screen_inputs *in = w->in;
    if (in->n == in->cap) {
        size_t ncap = in->cap ? in->cap * 2 : 256;
        screen_input *v = realloc(in->v, ncap * sizeof *v);
        if (!v) {
            w->oom = true;
            return;
        }
        in->v = v;
        in->cap = ncap;
    }
    screen_input *e = &in->v[in->n];
    e->path = strdup(path);
    e->kind = kind;
    e->error = NULL;
    if (e->path && fmt) {
        size_t len = strlen(fmt) + (arg ? strlen(arg) : 0) + 1;
        if ((e->error = malloc(len)))
            snprintf(e->error, len, fmt, arg ? arg : "");
    }
    if (!e->path || (fmt && !e->error)) {
        free(e->path);
        free(e->error);
        w->oom = true;
        return;
    }
    in->n++;
}

/* The file is of a --type asked for: its name matches the type's globs
 * (as ripgrep's --type, by name; the reader still goes by content). */
static bool type_wanted(const cli_opts *o, const char *ext)
{
    if (!o->types)
        return true;
    for (int f = 0; f < SM_FORMAT_COUNT; f++) {
        if (!(o->types & 1u << f) || !*ext)
            continue;
        const char *g = sm_format_globs((sm_format)f);
        size_t n = strlen(ext);
        for (const char *p = strstr(g, "*."); p; p = strstr(p + 2, "*."))
            if (!strncmp(p + 2, ext, n) && (p[2 + n] == ',' || !p[2 + n]))
                return true;
    }
    return false;
}

/* A file found by the walk that the filter leaves out. */
static bool left_out(const walker *w, const char *path)
{
    char ext[16];
    extension(path, ext, sizeof ext);
    return w->only && w->only->ext && !in_list(w->only->ext, ext);
}

/* A regular file found by the walk. */
static void add_found(walker *w, const char *path)
{
    char ext[16];
    extension(path, ext, sizeof ext);
    if (left_out(w, path) || !type_wanted(w->o, ext))
        return;
    if (w->o->pre)                   /* the converter decides */
        add(w, path, INPUT_READ, NULL, NULL);
    else if (in_list(TEXT_EXT, ext))
        add(w, path, INPUT_READ, NULL, NULL);
    else if (in_list(OTHER_EXT, ext))
        add(w, path, INPUT_FAILED, "unsupported file type (.%s)", ext);
    else
        add(w, path, INPUT_SNIFF, NULL, NULL);
}

/* Record a folder; false when it was walked already. */
static bool first_visit(walker *w, const struct stat *sb)
{
    dir_seen *d;
    dir_key k;
    memset(&k, 0, sizeof k);
    k.dev = sb->st_dev;
    k.ino = sb->st_ino;
    HASH_FIND(hh, w->seen, &k, sizeof k, d);
    if (d)
        return false;
    if (!(d = calloc(1, sizeof *d))) {
        w->oom = true;
        return false;
    }
    d->key = k;
    HASH_ADD(hh, w->seen, key, sizeof k, d);
    return true;
}

static char *join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    char *p = malloc(dl + nl + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (!slash)
        p[dl++] = '/';
    memcpy(p + dl, name, nl + 1);
    return p;
}

static const char *kind_name(mode_t m)
{
    return S_ISFIFO(m) ? "a named pipe" : S_ISSOCK(m) ? "a socket"
         : S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device"
         : "not a regular file";
}

static void walk_dir(walker *w, const char *dir);

/* An entry whose type the folder listing did not give, or a link
 * followed: `sb` is what stat() says it is. */
static void add_stat(walker *w, const char *path, const struct stat *sb)
{
    if (S_ISDIR(sb->st_mode)) {
        if (w->o->follow && !first_visit(w, sb)) {
            w->in->repeats++;
            if (!w->o->quiet)
                cli_error("%s: folder already walked (a symbolic link loop "
                          "or a second way in); not walked again", path);
            return;
        }
        walk_dir(w, path);
    } else if (S_ISREG(sb->st_mode)) {
        add_found(w, path);
    } else if (!left_out(w, path)) {
        add(w, path, INPUT_FAILED, "%s", kind_name(sb->st_mode));
    }
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(walker *w, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        add(w, dir, INPUT_FAILED, "cannot read folder: %s", strerror(errno));
        return;
    }
    /* entries in name order: the order of the walk, and of the warnings,
     * must not depend on the file system */
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nv = realloc(names, ncap * sizeof *nv);
            if (!nv) {
                w->oom = true;
                break;
            }
            names = nv;
            cap = ncap;
        }
        /* the type goes after the name's NUL so one sort orders both */
        size_t len = strlen(e->d_name);
        if (!(names[n] = malloc(len + 2))) {
            w->oom = true;
            break;
        }
        memcpy(names[n], e->d_name, len + 1);
        names[n][len + 1] = (char)e->d_type;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    ignore_file *ig = w->o->no_ignore ? NULL : ignore_read(dir, &w->oom);
    if (ig) {
        if (w->nig == w->capig) {
            size_t ncap = w->capig ? w->capig * 2 : 8;
            ignore_file **v = realloc(w->ig, ncap * sizeof *v);
            if (v) {
                w->ig = v;
                w->capig = ncap;
            }
        }
        if (w->nig < w->capig)
            w->ig[w->nig++] = ig;
        else {
            ignore_free(ig);
            ig = NULL;
            w->oom = true;
        }
    }
    for (size_t i = 0; i < n && !w->oom; i++) {
        const char *name = names[i];
        unsigned char type = (unsigned char)name[strlen(name) + 1];
        if (name[0] == '.' && !w->o->hidden) {
            w->in->hidden++;
            continue;
        }
        char *path = join(dir, name);
        struct stat sb;
        if (!path) {
            w->oom = true;
            break;
        }
        if (type == DT_UNKNOWN) {
            if (lstat(path, &sb) != 0) {
                add(w, path, INPUT_FAILED, "%s", strerror(errno));
                free(path);
                continue;
            }
            type = S_ISLNK(sb.st_mode) ? DT_LNK : S_ISDIR(sb.st_mode) ? DT_DIR
                 : S_ISREG(sb.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (skipped(w, path, type == DT_DIR)) {   /* not a candidate */
            free(path);
            continue;
        }
        if (type == DT_REG) {
            add_found(w, path);
        } else if (type == DT_LNK && !w->o->follow) {
            w->in->links++;
        } else if (type == DT_DIR && !w->o->follow) {
            walk_dir(w, path);
        } else if (stat(path, &sb) != 0) {
            if (!left_out(w, path))
                add(w, path, INPUT_FAILED, type == DT_LNK
                    ? "broken symbolic link: %s" : "%s", strerror(errno));
        } else {
            add_stat(w, path, &sb);
        }
        free(path);
    }
    if (ig)
        ignore_free(w->ig[--w->nig]);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* A path given on the command line or in a --files-from list. */
static void add_named(walker *w, const char *path)
{
    struct stat sb;
    if (strcmp(path, "-") && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        w->root = path;
        if (w->o->follow)
            add_stat(w, path, &sb);
        else
            walk_dir(w, path);
    } else {
        add(w, path, INPUT_READ, NULL, NULL);   /* named: always read */
    }
}

/* The paths of a --files-from list: one a line, or NUL-separated when
 * the list holds a NUL (find -print0). */
static bool files_from(walker *w, const char *list)
{
    bool is_stdin = !strcmp(list, "-");
    FILE *f = is_stdin ? stdin : fopen(list, "rb");
    if (!f) {
        cli_error("--files-from %s: %s", list, strerror(errno));
        return false;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 4096) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                w->oom = true;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        size_t r = fread(buf + len, 1, cap - len - 1, f);
        len += r;
        if (r == 0)
            break;
    }
    bool ok = !ferror(f) && !w->oom;
    if (ferror(f))
        cli_error("--files-from %s: %s", list, strerror(errno));
    if (!is_stdin)
        fclose(f);
    if (ok) {
        char sep = memchr(buf, '\0', len) ? '\0' : '\n';
        buf[len] = sep;
        for (size_t i = 0; i < len && !w->oom;) {
            char *end = memchr(buf + i, sep, len + 1 - i);
            *end = '\0';
            if (end > buf + i)
                add_named(w, buf + i);
            i = (size_t)(end - buf) + 1;
        }
    }
    free(buf);
    return ok;
}

static int input_cmp(const void *a, const void *b)
{
    const screen_input *x = a, *y = b;
    return strcmp(x->path, y->path);
}

bool walk_inputs(const cli_opts *o, const walk_filter *only,
                 screen_inputs *in)
{
    walker w = {.o = o, .only = only, .in = in};
    bool ok = true;
    memset(in, 0, sizeof *in);
    if (!(in->per_arg = calloc((size_t)o->nargs + 1, sizeof *in->per_arg)))
        w.oom = true;
    for (int i = 0; i < o->nargs && !w.oom; i++) {
        size_t before = in->n;
        add_named(&w, o->args[i]);
        in->per_arg[i] = in->n - before;
    }
    if (o->files_from && !w.oom)
        ok = files_from(&w, o->files_from);
    free(w.ig);
    dir_seen *d, *tmp;
    HASH_ITER(hh, w.seen, d, tmp) {
        HASH_DEL(w.seen, d);
        free(d);
    }
    if (w.oom) {
        cli_error("out of memory");
        ok = false;
    }
    if (ok && !(only && only->keep_order))
        qsort(in->v, in->n, sizeof *in->v, input_cmp);
    if (!ok) {                   /* (callers that fail keep only v) */
        free(in->per_arg);
        in->per_arg = NULL;
    }
    return ok;
}

void walk_inputs_free(screen_inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->v[i].path);
        free(in->v[i].error);
    }
    free(in->v);
    free(in->per_arg);
    memset(in, 0, sizeof *in);
}

const char *walk_sniff(const char *path)
{
    static const struct {
        const char *magic;
        size_t len, at;
        const char *what;
    } SIGS[] = {
        {"PK\5\6", 4, 0, "ZIP archive"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, 0, "old Microsoft Office document"},
        {"{\\rtf", 5, 0, "RTF document"},
        {"\x89PNG", 4, 0, "PNG image"},
        {"\xFF\xD8\xFF", 3, 0, "JPEG image"},
        {"GIF8", 4, 0, "GIF image"},
        {"II*\0", 4, 0, "TIFF image"},
        {"MM\0*", 4, 0, "TIFF image"},
        {"RIFF", 4, 0, "RIFF media file"},
        {"ftyp", 4, 4, "MP4 or HEIC media file"},
        {"ID3", 3, 0, "MP3 audio"},
        {"OggS", 4, 0, "Ogg media file"},
        {"fLaC", 4, 0, "FLAC audio"},
        {"\x7F" "ELF", 4, 0, "ELF executable"},
        {"\x1F\x8B", 2, 0, "gzip data"},
        {"BZh", 3, 0, "bzip2 data"},
        {"\xFD" "7zXZ", 5, 0, "xz data"},
        {"\x28\xB5\x2F\xFD", 4, 0, "zstd data"},
        {"7z\xBC\xAF\x27\x1C", 6, 0, "7-Zip archive"},
        {"Rar!", 4, 0, "RAR archive"},
        {"SQLite format 3", 15, 0, "SQLite database"},
    };
    unsigned char head[16];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;             /* reading it will say why */
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    for (size_t i = 0; n > 0 && i < sizeof SIGS / sizeof *SIGS; i++)
        if ((size_t)n >= SIGS[i].at + SIGS[i].len &&
            !memcmp(head + SIGS[i].at, SIGS[i].magic, SIGS[i].len))
            return SIGS[i].what;
    return NULL;
}
