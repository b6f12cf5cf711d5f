/** Spring Batch wiring: the job, its steps and their settings, and the one run of a job ({@link org.peelharvest.job.JobLaunch}) that the command line asks for. */
package org.peelharvest.job;
