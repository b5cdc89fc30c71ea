/* shapes.h - pathological documents of any size, the same bytes each time:
 * one line of skills, dates and negations, no spaces, every word a skill,
 * a million dates, one endless word, deep nesting... Used by the linear-work
 * test (tests/unit/test_linear.c) and the benchmark (tools/shapes.c). */
#ifndef SM_SHAPES_H
#define SM_SHAPES_H

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *unit;    /* repeated until the size is reached */
} sm_shape;

static const sm_shape SM_SHAPES[] = {
    {"skills_one_line",
     "Python, PyTorch, TensorFlow, AWS, SQL, Kubernetes, Docker, Spark, R, "
     "scikit-learn, MLflow, Airflow; "},
    {"negations_dates_one_line",
     "Python, PyTorch, no experience with Hadoop, Jan 2015 - Present ML "
     "Engineer at Acme using Spark and AWS; "},
    {"dates_one_line", "Jan 2015 - Mar 2016, 06/2017 - 03/2019, 2019-2020, "},
    {"dates_lines", "2015 - 2016\nMay 2018 - Present\n"},
    {"no_spaces", "PythonPyTorchAWSKubernetesSQLDockerSparkTensorFlow"},
    {"every_word_a_skill",
     "python pytorch tensorflow aws sql r java scala spark docker kubernetes "
     "keras pandas numpy "},
    {"one_word", "a"},
    {"short_lines", "Python\n"},
    {"headings", "SKILLS\nPython\nEXPERIENCE\n2019 - 2020 Engineer\n"},
    {"blank_lines", "\n\n\nPython\n"},
    {"nesting", "> > > > - * 1. ## "},
    {"cjk_no_spaces", "\xe7\x86\x9f\xe7\xbb\x83\xe6\x8e\x8c\xe6\x8f\xa1Python"
                      "\xe5\x92\x8cPyTorch"},
    {"hedges_stated",
     "want to learn PyTorch, familiar with R, 5 years of experience, over 10 "
     "years in Python, "},
    {"punctuation", ".;,:!?()[]{}/\\-+#&*"},
};
#define SM_NSHAPES (sizeof SM_SHAPES / sizeof SM_SHAPES[0])

/* Shape k repeated to exactly n bytes (cut inside a unit at the end, on a
 * byte, which may split a UTF-8 sequence: the reader repairs it). The
 * caller frees it. */
static inline char *sm_shape_make(size_t k, size_t n)
{
    char *b = malloc(n + 1);
    if (!b)
        return NULL;
    size_t ul = strlen(SM_SHAPES[k].unit), i = 0;
    while (i < n) {
        size_t c = n - i < ul ? n - i : ul;
        memcpy(b + i, SM_SHAPES[k].unit, c);
        i += c;
    }
    b[n] = '\0';
    return b;
}

#endif
